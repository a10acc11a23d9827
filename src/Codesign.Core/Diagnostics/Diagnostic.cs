namespace Codesign.Core.Diagnostics;

public enum DiagnosticSeverity
{
    Warning,
    Error,
}

/// <summary>
/// One user-facing problem with a stable code. <see cref="ToString"/> renders MSBuild's canonical form
/// (<c>file(line,col): error CSD0005: text</c>) so the ToolTask, IDEs and CI annotations all understand it.
/// </summary>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Code, string Message, SourceSpan Location)
{
    public static Diagnostic Error(string code, SourceSpan location, string message) =>
        new(DiagnosticSeverity.Error, code, message, location);

    public static Diagnostic Warning(string code, SourceSpan location, string message) =>
        new(DiagnosticSeverity.Warning, code, message, location);

    public override string ToString()
    {
        var origin = Location.File.Length == 0 ? "codesign" : Location.File;
        // Only the start: "(line,col)" is the form every consumer (MSBuild, VS Code problem matchers, CI annotations) reads.
        var position = Location.HasPosition ? $"({Location.Line},{Location.Column})" : string.Empty;
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        // Newlines would split one diagnostic into several log lines that no parser can reassemble.
        var text = Message.ReplaceLineEndings(" ");
        return $"{origin}{position}: {severity} {Code}: {text}";
    }
}
