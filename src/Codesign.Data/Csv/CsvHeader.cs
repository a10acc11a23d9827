using Codesign.Core.Diagnostics;
using Codesign.Data.FileSources;
using Codesign.Data.Splitting;

namespace Codesign.Data.Csv;

/// <summary>The header row: column names in column order, and on which line the header was found.</summary>
internal sealed record CsvHeader(string[] Names, int Line)
{
    /// <summary>Reads the first non-blank line as the header; column names must be unique.</summary>
    public static CsvHeader Read(StreamReader reader, string path, ref int lineNumber)
    {
        string? line;
        do
        {
            line = reader.ReadLine();
            lineNumber++;
        }
        while (line is not null && string.IsNullOrWhiteSpace(line));

        if (line is null)
        {
            throw new CodesignException(
                DiagnosticCodes.TooFewRows,
                SourceSpan.WholeFile(path),
                $"'{path}' is empty: found 0 rows; expected a header row naming the columns followed by at least {SplitPlan.MinimumRows} data rows.");
        }

        var fields = new List<CsvField>();
        var error = CsvLineParser.Parse(line, fields, out var errorColumn);
        if (error is not null)
        {
            throw new CodesignException(DiagnosticCodes.MalformedRow, new SourceSpan(path, lineNumber, errorColumn), $"header row: {error}.");
        }

        var diagnostics = new DiagnosticBag(FileSourceReader.MaxDiagnostics);
        var names = new string[fields.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            names[i] = fields[i].Text(line);
            if (!seen.Add(names[i]))
            {
                diagnostics.Error(
                    DiagnosticCodes.MalformedRow,
                    new SourceSpan(path, lineNumber, fields[i].Column),
                    $"header row: column name '{names[i]}' appears twice; expected unique column names.");
            }
        }

        diagnostics.ThrowIfAny();
        return new CsvHeader(names, lineNumber);
    }
}
