using Codesign.Core.Spec;
using Codesign.Data.FileSources;

namespace Codesign.Data.Arff;

/// <summary>
/// Loads the feature and label attributes a <see cref="DataSpec"/> names from ARFF files (OpenML's native format):
/// one file, a list or a glob, rows concatenated in <see cref="DataFileSet.Expand"/> order, and the separate test
/// files. Problems are reported like the CSV reader's: in the file at line and column, or at the spec node.
/// </summary>
public static class ArffDatasetReader
{
    public static SourceData Read(DataSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return FileSourceReader.Read(spec, new ArffFileFormat(spec));
    }
}
