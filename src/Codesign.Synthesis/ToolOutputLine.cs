namespace Codesign.Synthesis;

public enum ToolOutputChannel
{
    StandardOutput,
    StandardError,
}

/// <summary>One line a tool printed, passed to the progress callback as soon as it is read.</summary>
public sealed record ToolOutputLine(ToolOutputChannel Channel, string Text);
