using Codesign.Core.Diagnostics;
using Codesign.Core.Spec;

namespace Codesign.Data.FileSources;

/// <summary>
/// One file format of a file source (CSV, ARFF, HDF5). An instance serves one load: it may keep what the first
/// file declares (ARFF's nominal class values) so later files, test files included, map labels the same way.
/// </summary>
internal interface IDataFileFormat
{
    /// <summary>What the files are, for messages: "CSV file", "ARFF file", "HDF5 file".</summary>
    string Kind { get; }

    /// <summary>Whether the spec must name a label column (HDF5 files carry one-hot class columns instead).</summary>
    bool NeedsLabel { get; }

    /// <summary>
    /// Appends the rows of one file to <paramref name="rows"/>. Problems go to <paramref name="diagnostics"/> or,
    /// when the file cannot be read on, are thrown as a <see cref="CodesignException"/>.
    /// </summary>
    void ReadFile(DataFile file, RowBuffer rows, DiagnosticBag diagnostics);

    /// <summary>The class names in output order, remapping provisional label ids in every label set if needed.</summary>
    string[] FinishClasses(IReadOnlyList<int[]> labelSets);
}
