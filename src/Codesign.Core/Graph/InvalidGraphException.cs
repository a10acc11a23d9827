namespace Codesign.Core.Graph;

/// <summary>A graph that breaks a rule of the IR: the message names the node or tensor and the rule.</summary>
public sealed class InvalidGraphException : Exception
{
    public InvalidGraphException()
    {
    }

    public InvalidGraphException(string message)
        : base(message)
    {
    }

    public InvalidGraphException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
