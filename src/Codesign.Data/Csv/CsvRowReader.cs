using Codesign.Core.Diagnostics;
using Codesign.Data.FileSources;

namespace Codesign.Data.Csv;

/// <summary>
/// Reads comma-separated data rows (a CSV file after its header, an ARFF file after <c>@DATA</c>) into a
/// <see cref="RowBuffer"/>, reporting every problem at its line and column. A row with a problem is dropped and
/// reading goes on, so one run shows many problems.
/// </summary>
/// <param name="widthHint">Why rows have <see cref="CsvColumnSelection.FieldCount"/> fields, for messages: "as in the header (line 1)".</param>
internal sealed class CsvRowReader(CsvDialect dialect, CsvColumnSelection columns, CsvLabels labels, string widthHint)
{
    public void Read(TextReader reader, ref int lineNumber, string path, RowBuffer rows, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var fields = new List<CsvField>(columns.FieldCount);
        var values = new float[columns.Features.Length];
        string? line;
        while (!diagnostics.IsFull && (line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            var start = CsvLineParser.SkipBlanks(line, 0);
            if (start == line.Length || line[start] == dialect.CommentPrefix)
            {
                continue;
            }

            rows.End = new SourceSpan(path, lineNumber, 1);
            if (ReadRow(line, start, new SourceSpan(path, lineNumber, 1), fields, values, diagnostics, out var label))
            {
                rows.Add(values, label);
            }
        }
    }

    private bool ReadRow(string line, int start, SourceSpan lineStart, List<CsvField> fields, float[] values, DiagnosticBag diagnostics, out int label)
    {
        label = -1;
        if (dialect.SparseRowsUnsupported && line[start] == '{')
        {
            diagnostics.Error(
                DiagnosticCodes.MalformedRow,
                At(lineStart, start + 1),
                "sparse ARFF is not supported: this row is in sparse form ({index value, ...}); expected a dense row with one value per @ATTRIBUTE.");
            return false;
        }

        var error = CsvLineParser.Parse(line, fields, out var errorColumn, dialect.Escape);
        if (error is not null)
        {
            diagnostics.Error(DiagnosticCodes.MalformedRow, At(lineStart, errorColumn), error + ".");
            return false;
        }

        if (fields.Count != columns.FieldCount)
        {
            diagnostics.Error(DiagnosticCodes.MalformedRow, lineStart, $"the row has {fields.Count} fields; expected {columns.FieldCount} {widthHint}.");
            return false;
        }

        var rowIsValid = true;
        for (var i = 0; i < columns.Features.Length; i++)
        {
            var field = fields[columns.Features[i]];
            var location = At(lineStart, field.Column);
            if (IsMissing(line, field))
            {
                CsvFeatureValue.ReportMissing(columns.FeatureNames[i], dialect.MissingValue!, location, diagnostics);
                rowIsValid = false;
                continue;
            }

            rowIsValid &= CsvFeatureValue.TryRead(line, field, columns.FeatureNames[i], location, diagnostics, out values[i]);
        }

        var labelField = fields[columns.Label];
        var labelError = IsMissing(line, labelField)
            ? $"the label is missing ('{dialect.MissingValue}'); every row needs a class"
            : labels.TryResolve(labelField.Text(line), out label);
        if (labelError is not null)
        {
            diagnostics.Error(DiagnosticCodes.BadLabel, At(lineStart, labelField.Column), $"column '{columns.LabelName}': {labelError}.");
            return false;
        }

        return rowIsValid;
    }

    private bool IsMissing(string line, CsvField field) =>
        dialect.MissingValue is { } marker && !field.IsQuoted && field.Value(line).SequenceEqual(marker);

    private static SourceSpan At(SourceSpan lineStart, int column) => lineStart with { Column = column };
}
