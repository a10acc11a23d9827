namespace Codesign.Core.Diagnostics;

/// <summary>A 1-based line/column range inside a file, as MSBuild's canonical error format expects.</summary>
public readonly record struct SourceSpan(string File, int Line, int Column, int EndLine = 0, int EndColumn = 0)
{
    public static SourceSpan WholeFile(string file) => new(file, 0, 0);

    public bool HasPosition => Line > 0;
}
