namespace Codesign.Cli.Tests;

public sealed class DataDescribeTests : IDisposable
{
    private readonly SpecFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Describe_prints_a_table_per_feature_with_a_row_per_class()
    {
        var (exitCode, output) = CodesignRun.Invoke("data", "describe", folder.SpecPath);

        Assert.Equal(0, exitCode);
        Assert.Contains("2000 rows from source 'jets', before standardization", output, StringComparison.Ordinal);
        Assert.Contains("g: 400, q: 400, w: 400, z: 400, t: 400", output, StringComparison.Ordinal);
        foreach (var feature in new[] { "j_zlogz", "j_mass_mmdt", "j_multiplicity" })
        {
            Assert.Contains(feature, output, StringComparison.Ordinal);
        }

        Assert.Contains("median", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.WorkDirectory), "describe must not write stage artifacts");
    }

    [Fact]
    public void Describe_writes_the_distribution_plot_as_a_png()
    {
        var png = Path.Combine(folder.Directory, "features.png");

        var (exitCode, _) = CodesignRun.Invoke("data", "describe", folder.SpecPath, "--plot", png);

        Assert.Equal(0, exitCode);
        var bytes = File.ReadAllBytes(png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.True(bytes.Length > 20_000, $"a 16-panel plot should not be {bytes.Length} bytes");
    }

    [Fact]
    public void Describe_reports_spec_errors_like_every_command()
    {
        using var bad = new SpecFolder(SpecFolder.Spec.Replace("source: jets", "source: parquet", StringComparison.Ordinal));

        var (exitCode, output) = CodesignRun.Invoke("data", "describe", bad.SpecPath);

        Assert.Equal(1, exitCode);
        Assert.Contains("(4,11): error CSD0008: 'data.source' must be one of", output, StringComparison.Ordinal);
    }
}
