namespace Codesign.Data.Csv;

/// <summary>How a quote character is written inside a quoted field.</summary>
internal enum CsvQuoteEscape
{
    /// <summary>Doubled, as CSV writes it: <c>"say ""hi"""</c>.</summary>
    Doubled,

    /// <summary>Backslash-escaped, as Weka and OpenML write ARFF: <c>'it\'s'</c>.</summary>
    Backslash,
}

/// <summary>
/// The differences between the comma-separated row formats this project reads (CSV, and the data section of ARFF),
/// so that one row reader serves both. Both quote with ' or " (OpenML writes either).
/// </summary>
/// <param name="Escape">How a quote is written inside a quoted field.</param>
/// <param name="CommentPrefix">A line starting with this (after blanks) is skipped; null if the format has no comments.</param>
/// <param name="MissingValue">An unquoted field equal to this is a missing value; null if the format has no marker.</param>
/// <param name="SparseRowsUnsupported">A row starting with '{' is a sparse row, which is reported as unsupported.</param>
internal sealed record CsvDialect(CsvQuoteEscape Escape, char? CommentPrefix, string? MissingValue, bool SparseRowsUnsupported)
{
    public static readonly CsvDialect Csv = new(CsvQuoteEscape.Doubled, CommentPrefix: null, MissingValue: null, SparseRowsUnsupported: false);

    public static readonly CsvDialect ArffData = new(CsvQuoteEscape.Backslash, CommentPrefix: '%', MissingValue: "?", SparseRowsUnsupported: true);
}
