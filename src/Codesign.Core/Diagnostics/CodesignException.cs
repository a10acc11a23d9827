namespace Codesign.Core.Diagnostics;

/// <summary>
/// Raised for expected, user-fixable failures. The CLI prints <see cref="Diagnostics"/> in canonical form and
/// exits with code 1; it never shows a stack trace for this type.
/// </summary>
public sealed class CodesignException : Exception
{
    public CodesignException(IReadOnlyList<Diagnostic> diagnostics)
        : base(diagnostics.Count > 0 ? diagnostics[0].ToString() : "codesign failed")
    {
        Diagnostics = diagnostics;
    }

    public CodesignException(Diagnostic diagnostic)
        : this([diagnostic])
    {
    }

    public CodesignException(string code, SourceSpan location, string message)
        : this(Diagnostic.Error(code, location, message))
    {
    }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
