using Codesign.Core.Diagnostics;
using Codesign.Core.Spec;
using Codesign.Data.FileSources;

namespace Codesign.Data.Csv;

/// <summary>CSV files with a header row; each file of a set may order its columns differently, as they are found by name.</summary>
internal sealed class CsvFileFormat(DataSpec spec) : IDataFileFormat
{
    private readonly CsvLabels _labels = new(spec.Classes);

    public string Kind => "CSV file";

    public bool NeedsLabel => true;

    public void ReadFile(DataFile file, RowBuffer rows, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(rows);
        using var reader = new StreamReader(file.Path, detectEncodingFromByteOrderMarks: true);
        var lineNumber = 0;
        var header = CsvHeader.Read(reader, file.Path, ref lineNumber);
        rows.End = new SourceSpan(file.Path, header.Line, 1);

        var where = $"the header of '{file.Path}'";
        var features = SpecColumns.Features(spec, header.Names, where, diagnostics);
        var label = SpecColumns.Label(spec, header.Names, where, diagnostics);
        if (features is null || label < 0)
        {
            return;
        }

        var columns = new CsvColumnSelection(header.Names.Length, features, spec.Features, label, spec.Label!);
        new CsvRowReader(CsvDialect.Csv, columns, _labels, $"as in the header (line {header.Line})")
            .Read(reader, ref lineNumber, file.Path, rows, diagnostics);
    }

    public string[] FinishClasses(IReadOnlyList<int[]> labelSets) => _labels.Finish(labelSets);
}
