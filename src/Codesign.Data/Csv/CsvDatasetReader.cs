using Codesign.Core.Spec;
using Codesign.Data.FileSources;

namespace Codesign.Data.Csv;

/// <summary>
/// Loads the feature and label columns a <see cref="DataSpec"/> names from CSV files with a header row (one file,
/// a list or a glob, rows concatenated in <see cref="DataFileSet.Expand"/> order), and its separate test files.
/// Problems in a file are reported at their line and column (1-based, as editors count); problems with what the
/// spec asks for are reported at the spec node that asked.
/// </summary>
public static class CsvDatasetReader
{
    public static SourceData Read(DataSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return FileSourceReader.Read(spec, new CsvFileFormat(spec));
    }
}
