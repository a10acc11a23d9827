namespace Codesign.Data.Csv;

/// <summary>
/// One field of a CSV line. Unquoted values stay a slice of the line (no allocation per number); quoted values
/// with their escapes are unescaped once into <see cref="Unescaped"/>.
/// </summary>
/// <param name="Column">1-based character column where the value (or its opening quote) starts.</param>
internal readonly record struct CsvField(int Column, int Start, int Length, string? Unescaped)
{
    /// <summary>True when the field was quoted: a quoted "?" in ARFF is the text ?, not a missing value.</summary>
    public bool IsQuoted => Unescaped is not null;

    public ReadOnlySpan<char> Value(string line) => Unescaped is null ? line.AsSpan(Start, Length) : Unescaped.AsSpan();

    public string Text(string line) => Unescaped ?? line.Substring(Start, Length);
}
