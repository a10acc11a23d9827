using Codesign.Core.Diagnostics;

namespace Codesign.Data.Csv;

/// <summary>
/// A plain table of model inputs: one row per sample, one number per input, comma separated. A first line that is
/// not all numbers is a header and is skipped. Used where a user hands a model some samples (<c>codesign qonnx run</c>,
/// <c>codesign hls predict</c>); every bad field is reported at its line and column.
/// </summary>
public static class CsvInputMatrix
{
    public static (float[] Values, int Rows) Read(string path, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new CodesignException(DiagnosticCodes.DataFileNotFound, SourceSpan.WholeFile(fullPath), "input file not found");
        }

        var diagnostics = new DiagnosticBag();
        var values = new List<float>();
        var fields = new List<CsvField>();
        var lineNumber = 0;
        var rows = 0;
        var first = true;
        foreach (var line in File.ReadLines(fullPath))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var isFirst = first;
            first = false;
            if (CsvLineParser.Parse(line, fields, out var errorColumn) is { } error)
            {
                diagnostics.Error(DiagnosticCodes.MalformedRow, new SourceSpan(fullPath, lineNumber, errorColumn), error);
                continue;
            }

            if (isFirst && IsHeader(line, fields))
            {
                continue;
            }

            if (fields.Count != columns)
            {
                diagnostics.Error(DiagnosticCodes.MalformedRow, new SourceSpan(fullPath, lineNumber, 1), $"row has {fields.Count} values; the model takes {columns}");
                continue;
            }

            for (var index = 0; index < fields.Count; index++)
            {
                var location = new SourceSpan(fullPath, lineNumber, fields[index].Column);
                values.Add(CsvFeatureValue.TryRead(line, fields[index], $"input {index}", location, diagnostics, out var value) ? value : 0);
            }

            rows++;
        }

        diagnostics.ThrowIfAny();
        if (rows == 0)
        {
            throw new CodesignException(DiagnosticCodes.TooFewRows, SourceSpan.WholeFile(fullPath), "the file has no rows of inputs");
        }

        return ([.. values], rows);
    }

    private static bool IsHeader(string line, List<CsvField> fields) =>
        fields.Any(field => CsvNumber.TryParse(field.Value(line), out _) == CsvNumberOutcome.NotANumber);
}
