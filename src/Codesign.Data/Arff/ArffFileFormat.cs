using Codesign.Core.Diagnostics;
using Codesign.Core.Spec;
using Codesign.Data.Csv;
using Codesign.Data.FileSources;

namespace Codesign.Data.Arff;

/// <summary>
/// Dense ARFF files as Weka and OpenML write them. The data rows are comma-separated like CSV and go through the
/// same row reader; ? (unquoted) is a missing value, which no feature may have.
/// </summary>
internal sealed class ArffFileFormat(DataSpec spec) : IDataFileFormat
{
    // Settled by the first file read: its label attribute decides how label texts map to classes for every file.
    private CsvLabels? _labels;

    public string Kind => "ARFF file";

    public bool NeedsLabel => true;

    public void ReadFile(DataFile file, RowBuffer rows, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(rows);
        using var reader = new StreamReader(file.Path, detectEncodingFromByteOrderMarks: true);
        var lineNumber = 0;
        var header = ArffHeader.Read(reader, file.Path, ref lineNumber);
        rows.End = new SourceSpan(file.Path, header.DataLine, 1);

        var names = header.Attributes.Select(attribute => attribute.Name).ToArray();
        var where = $"the @ATTRIBUTE declarations of '{file.Path}'";
        var features = SpecColumns.Features(spec, names, where, diagnostics);
        var label = SpecColumns.Label(spec, names, where, diagnostics);
        if (features is null || label < 0 || !DeclaredClassesAreValues(header.Attributes[label], file.Path, diagnostics))
        {
            return;
        }

        _labels ??= LabelsFor(header.Attributes[label]);
        var columns = new CsvColumnSelection(names.Length, features, spec.Features, label, spec.Label!);
        new CsvRowReader(CsvDialect.ArffData, columns, _labels, "(one per @ATTRIBUTE)")
            .Read(reader, ref lineNumber, file.Path, rows, diagnostics);
    }

    public string[] FinishClasses(IReadOnlyList<int[]> labelSets) => (_labels ?? new CsvLabels(spec.Classes)).Finish(labelSets);

    /// <summary>
    /// The spec's classes, in its order, if it names them; else a nominal label's declared values, in declaration
    /// order; else the labels that occur, sorted. Nominal values are names, so a nominal "3" is never an index.
    /// </summary>
    private CsvLabels LabelsFor(ArffAttribute label)
    {
        var nominal = label.Kind == ArffAttributeKind.Nominal;
        return spec.Classes.Count > 0 ? new CsvLabels(spec.Classes, acceptIndices: !nominal)
            : nominal ? new CsvLabels(label.NominalValues, acceptIndices: false)
            : new CsvLabels([]);
    }

    /// <summary>A class the spec names that a nominal label cannot take is a typo, reported once instead of at every row.</summary>
    private bool DeclaredClassesAreValues(ArffAttribute label, string path, DiagnosticBag diagnostics)
    {
        if (label.Kind != ArffAttributeKind.Nominal)
        {
            return true;
        }

        var valid = true;
        foreach (var name in spec.Classes.Where(name => !label.NominalValues.Contains(name, StringComparer.Ordinal)))
        {
            diagnostics.Error(
                DiagnosticCodes.BadLabel,
                SpecLocations.Classes(spec),
                $"class '{name}' is not a value of the nominal attribute '{label.Name}' in '{path}'; expected some of: {string.Join(", ", label.NominalValues)}"
                + NameSuggestions.DidYouMean(name, label.NominalValues));
            valid = false;
        }

        return valid;
    }
}
