using Codesign.Core.Diagnostics;
using PureHDF;

namespace Codesign.Data.Hdf5;

/// <summary>
/// The table in one hls4ml jet HDF5 file (Zenodo record 3602254): the 2-D float dataset <c>jets</c>, one row per
/// jet, whose columns the 1-D string dataset <c>jetFeatureNames</c> names. Everything else in the file (the
/// particle arrays, for one) is never read.
/// </summary>
internal sealed class Hdf5JetTable
{
    public const string ValuesDataset = "jets";
    public const string NamesDataset = "jetFeatureNames";

    private const string Layout = $"expected the hls4ml jet layout: a 2-D float dataset '{ValuesDataset}' whose columns the string dataset '{NamesDataset}' names";

    private readonly float[] _values;

    private Hdf5JetTable(string[] columnNames, float[] values, int rowCount)
    {
        ColumnNames = columnNames;
        _values = values;
        RowCount = rowCount;
    }

    public string[] ColumnNames { get; }

    public int RowCount { get; }

    public ReadOnlySpan<float> Row(int index) => _values.AsSpan(index * ColumnNames.Length, ColumnNames.Length);

    /// <summary>Reads the table, turning whatever PureHDF throws at a truncated or foreign file into a positioned error.</summary>
    public static Hdf5JetTable Read(string path)
    {
        try
        {
            using var file = H5File.OpenRead(path);
            var names = ReadNames(file, path);
            var (values, rows) = ReadValues(file, path, names.Length, new FileInfo(path).Length);
            return new Hdf5JetTable(names, values, rows);
        }
        catch (Exception exception) when (IsFileContentProblem(exception))
        {
            throw new CodesignException(
                DiagnosticCodes.MalformedRow,
                SourceSpan.WholeFile(path),
                $"'{path}' is not a readable HDF5 file: {exception.Message.TrimEnd('.')}; expected an .h5 file unpacked from the hls4ml jet archives (a truncated download or a still-packed .tar.gz looks like this).");
        }
    }

    // Missing or unreadable files are the caller's to report; anything else PureHDF throws means the bytes are wrong.
    private static bool IsFileContentProblem(Exception exception) =>
        exception is not (CodesignException or UnauthorizedAccessException or FileNotFoundException or DirectoryNotFoundException);

    private static string[] ReadNames(IH5Group file, string path)
    {
        var dataset = Find(file, NamesDataset, path);
        var dimensions = dataset.Space.Dimensions;
        if (dimensions.Length != 1)
        {
            throw Malformed(path, $"wrong shape: '{NamesDataset}' has shape {Shape(dimensions)}; expected a 1-D list of column names");
        }

        if (dataset.Type.Class is not (H5DataTypeClass.String or H5DataTypeClass.VariableLength))
        {
            throw Malformed(path, $"'{NamesDataset}' holds {dataset.Type.Class} values; expected strings, one column name each");
        }

        // Fixed-length byte strings come padded; PureHDF strips the declared padding, this any that was written as text.
        return dataset.Read<string[]>().Select(name => name.TrimEnd('\0', ' ')).ToArray();
    }

    private static (float[] Values, int Rows) ReadValues(IH5Group file, string path, int nameCount, long fileLength)
    {
        var dataset = Find(file, ValuesDataset, path);
        var dimensions = dataset.Space.Dimensions;
        if (dimensions.Length != 2)
        {
            throw Malformed(path, $"wrong shape: '{ValuesDataset}' has shape {Shape(dimensions)}; expected 2-D (jets x columns)");
        }

        if (dimensions[1] != (ulong)nameCount)
        {
            throw Malformed(path, $"wrong shape: '{ValuesDataset}' has {dimensions[1]} columns but '{NamesDataset}' names {nameCount}; expected one name per column");
        }

        var type = dataset.Type;
        if (type.Class != H5DataTypeClass.FloatingPoint || type.Size is not (4 or 8))
        {
            throw Malformed(path, $"'{ValuesDataset}' holds {type.Class} values of {type.Size} bytes; expected 32- or 64-bit floats");
        }

        // An uncompressed array must fit in the file; checking first turns a damaged size field into an error, not a huge allocation.
        var count = dimensions[0] * dimensions[1];
        var uncompressed = dataset.Layout.Class is H5DataLayoutClass.Contiguous or H5DataLayoutClass.Compact;
        if (count > (ulong)Array.MaxLength || (uncompressed && count * (ulong)type.Size > (ulong)fileLength))
        {
            throw Malformed(path, $"'{ValuesDataset}' declares {dimensions[0]} x {dimensions[1]} values, more than the file's {fileLength} bytes hold; the file is truncated or damaged");
        }

        var values = type.Size == 4
            ? dataset.Read<float[]>()
            : Array.ConvertAll(dataset.Read<double[]>(), value => (float)value);
        return (values, (int)dimensions[0]);
    }

    private static IH5Dataset Find(IH5Group file, string name, string path) =>
        !file.LinkExists(name) ? throw Malformed(path, $"there is no dataset '{name}'; {Layout}")
        : file.Get(name) as IH5Dataset ?? throw Malformed(path, $"'{name}' is a group, not a dataset; {Layout}");

    private static string Shape(ulong[] dimensions) => $"({string.Join(" x ", dimensions)})";

    private static CodesignException Malformed(string path, string problem) =>
        new(DiagnosticCodes.MalformedRow, SourceSpan.WholeFile(path), $"'{path}': {problem}.");
}
