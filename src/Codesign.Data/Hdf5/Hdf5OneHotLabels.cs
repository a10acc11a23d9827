using Codesign.Core.Diagnostics;
using Codesign.Core.Spec;
using Codesign.Data.FileSources;

namespace Codesign.Data.Hdf5;

internal enum OneHotOutcome
{
    /// <summary>The row belongs to one of the spec's classes.</summary>
    Labeled,

    /// <summary>The row belongs to a jet class the spec leaves out (a W-versus-Z task skips gluons): not an error.</summary>
    OtherClass,

    /// <summary>The one-hot columns do not name exactly one class.</summary>
    Invalid,
}

/// <summary>
/// The label of an hls4ml jet row: class c is the column <c>j_&lt;c&gt;</c>, set to 1 for that class and 0 for
/// every other. The spec's classes are the labels in spec order; the other jet classes present in the file are
/// also checked, so that a row of a left-out class is skipped instead of reported.
/// </summary>
internal sealed class Hdf5OneHotLabels
{
    private const string ColumnPrefix = "j_";

    private readonly int[] _columns;
    private readonly string[] _columnNames;
    private readonly int _selectedCount;

    private Hdf5OneHotLabels(int[] columns, string[] columnNames, int selectedCount)
    {
        _columns = columns;
        _columnNames = columnNames;
        _selectedCount = selectedCount;
    }

    public static string ColumnOf(string className) => ColumnPrefix + className;

    /// <summary>Finds the one-hot column of every class, or returns null after reporting the missing ones at the spec's classes.</summary>
    public static Hdf5OneHotLabels? Resolve(DataSpec spec, IReadOnlyList<string> classes, string[] names, string path, DiagnosticBag diagnostics)
    {
        var columns = new List<int>();
        var columnNames = new List<string>();
        foreach (var name in classes)
        {
            var column = Array.IndexOf(names, ColumnOf(name));
            if (column < 0)
            {
                diagnostics.Error(
                    DiagnosticCodes.UnknownColumn,
                    SpecLocations.Classes(spec),
                    // No "did you mean": the nearest j_ column is another class (j_w for j_g), which would mislead.
                    $"class '{name}' needs the one-hot column '{ColumnOf(name)}', which is not in '{Hdf5JetTable.NamesDataset}' of '{path}'; the file has: {NameSuggestions.Enumerate(names)}");
                continue;
            }

            columns.Add(column);
            columnNames.Add(ColumnOf(name));
        }

        if (columns.Count < classes.Count)
        {
            return null;
        }

        foreach (var other in JetDataCatalog.ClassNames.Where(name => !classes.Contains(name)))
        {
            var column = Array.IndexOf(names, ColumnOf(other));
            if (column >= 0)
            {
                columns.Add(column);
                columnNames.Add(ColumnOf(other));
            }
        }

        return new Hdf5OneHotLabels([.. columns], [.. columnNames], classes.Count);
    }

    /// <param name="problem">Why the row is <see cref="OneHotOutcome.Invalid"/>; empty otherwise.</param>
    public OneHotOutcome Decode(ReadOnlySpan<float> row, out int label, out string problem)
    {
        label = -1;
        problem = string.Empty;
        var hot = -1;
        var hotCount = 0;
        for (var i = 0; i < _columns.Length; i++)
        {
            var value = row[_columns[i]];
            if (value == 1)
            {
                hot = i;
                hotCount++;
            }
            else if (value != 0)
            {
                problem = $"one-hot column '{_columnNames[i]}' is {value}; expected 0 or 1";
                return OneHotOutcome.Invalid;
            }
        }

        if (hotCount != 1)
        {
            problem = $"{hotCount} of the one-hot columns {string.Join(", ", _columnNames)} are 1; expected exactly one";
            return OneHotOutcome.Invalid;
        }

        if (hot >= _selectedCount)
        {
            return OneHotOutcome.OtherClass;
        }

        label = hot;
        return OneHotOutcome.Labeled;
    }
}
