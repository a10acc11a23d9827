using System.Globalization;
using Codesign.Core.Diagnostics;
using Codesign.Core.Spec;
using Codesign.Data.FileSources;

namespace Codesign.Data.Hdf5;

/// <summary>
/// hls4ml jet HDF5 files. They have no lines, so problems point at the whole file and name the row index
/// (from 0, as h5py counts).
/// </summary>
internal sealed class Hdf5FileFormat(DataSpec spec) : IDataFileFormat
{
    // HDF5 labels are one-hot columns named after classes, so the classes must be known up front: the spec's or the jet classes.
    private readonly string[] _classes = spec.Classes.Count > 0 ? [.. spec.Classes] : [.. JetDataCatalog.ClassNames];

    public string Kind => "HDF5 file";

    public bool NeedsLabel => false;

    public void ReadFile(DataFile file, RowBuffer rows, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var path = file.Path;
        var table = Hdf5JetTable.Read(path);
        var features = SpecColumns.Features(spec, table.ColumnNames, $"'{Hdf5JetTable.NamesDataset}' of '{path}'", diagnostics);
        var labels = Hdf5OneHotLabels.Resolve(spec, _classes, table.ColumnNames, path, diagnostics);
        if (features is null || labels is null)
        {
            return;
        }

        var location = SourceSpan.WholeFile(path);
        var values = new float[features.Length];
        for (var index = 0; index < table.RowCount && !diagnostics.IsFull; index++)
        {
            var row = table.Row(index);
            var rowIsValid = true;
            for (var i = 0; i < features.Length; i++)
            {
                values[i] = row[features[i]];
                if (!float.IsFinite(values[i]))
                {
                    diagnostics.Error(
                        DiagnosticCodes.NonFiniteValue,
                        location,
                        $"row index {index} of '{path}', column '{spec.Features[i]}': {values[i].ToString(CultureInfo.InvariantCulture)} is not a finite number; expected a finite value, so drop or impute such rows first.");
                    rowIsValid = false;
                }
            }

            switch (labels.Decode(row, out var label, out var problem))
            {
                case OneHotOutcome.Invalid:
                    diagnostics.Error(DiagnosticCodes.BadLabel, location, $"row index {index} of '{path}': {problem}.");
                    break;
                case OneHotOutcome.Labeled when rowIsValid:
                    rows.Add(values, label);
                    break;
            }
        }
    }

    public string[] FinishClasses(IReadOnlyList<int[]> labelSets) => _classes;
}
