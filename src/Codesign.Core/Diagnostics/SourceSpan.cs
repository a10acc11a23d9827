namespace Codesign.Core.Diagnostics;

/// <summary>A 1-based line/column range inside a file, as MSBuild's canonical error format expects.</summary>
public readonly record struct SourceSpan
{
    private readonly string? file;

    public SourceSpan(string file, int line, int column, int endLine = 0, int endColumn = 0)
    {
        this.file = file;
        Line = line;
        Column = column;
        EndLine = endLine;
        EndColumn = endColumn;
    }

    /// <summary>Never null, also for <c>default</c>, so every stage can print a span without a fallback.</summary>
    public string File
    {
        get => file ?? string.Empty;
        init => file = value;
    }

    public int Line { get; init; }

    public int Column { get; init; }

    public int EndLine { get; init; }

    public int EndColumn { get; init; }

    public bool HasPosition => Line > 0;

    public static SourceSpan WholeFile(string file) => new(file, 0, 0);
}
