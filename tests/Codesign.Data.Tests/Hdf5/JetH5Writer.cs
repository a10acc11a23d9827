using PureHDF;

namespace Codesign.Data.Tests.Hdf5;

/// <summary>
/// Writes small files in the hls4ml jet layout with PureHDF's writer: a 2-D <c>jets</c> array and the column
/// names in <c>jetFeatureNames</c> (fixed-length strings by default, as h5py writes numpy byte strings).
/// </summary>
internal static class JetH5Writer
{
    /// <summary>Columns of the test files: two features, a column nobody reads, then the one-hot labels.</summary>
    public static readonly string[] Columns = ["j_mass_mmdt", "j_zlogz", "j_pt", "j_g", "j_q", "j_w", "j_z", "j_t"];

    /// <summary>
    /// <paramref name="rows"/> jets: j_mass_mmdt = <paramref name="first"/> + row, j_zlogz = -row/10, j_pt = 1000,
    /// and class row % 5 in g, q, w, z, t order.
    /// </summary>
    public static float[,] Jets(int rows, int first = 0)
    {
        var jets = new float[rows, Columns.Length];
        for (var row = 0; row < rows; row++)
        {
            jets[row, 0] = first + row;
            jets[row, 1] = -row / 10f;
            jets[row, 2] = 1000;
            jets[row, 3 + (row % 5)] = 1;
        }

        return jets;
    }

    public static string Write(string path, float[,] jets, string[]? names = null, bool fixedLengthNames = true)
    {
        var file = new H5File { ["jets"] = jets, ["jetFeatureNames"] = names ?? Columns };
        Write(file, path, fixedLengthNames);
        return path;
    }

    public static string Write(H5File file, string path, bool fixedLengthNames = true)
    {
        ArgumentNullException.ThrowIfNull(file);
        file.Write(path, fixedLengthNames ? new H5WriteOptions(DefaultStringLength: 24) : new H5WriteOptions());
        return path;
    }
}
