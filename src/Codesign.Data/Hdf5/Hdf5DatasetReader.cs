using Codesign.Core.Spec;
using Codesign.Data.FileSources;

namespace Codesign.Data.Hdf5;

/// <summary>
/// Loads the features a <see cref="DataSpec"/> names, by name, from hls4ml jet HDF5 files (one file, a list or a
/// glob, rows concatenated in <see cref="DataFileSet.Expand"/> order) and its separate test files. The label of a
/// row is the spec class c whose one-hot column <c>j_c</c> is 1.
/// </summary>
public static class Hdf5DatasetReader
{
    public static SourceData Read(DataSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return FileSourceReader.Read(spec, new Hdf5FileFormat(spec));
    }
}
