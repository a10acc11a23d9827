using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Codesign.Data.Jets;

namespace Codesign.Cli.Tests;

/// <summary>A jet spec switches from the generator to the published OpenML file by naming it; the flow is unchanged.</summary>
public sealed class PublishedFormatBuildTests : IDisposable
{
    private readonly SpecFolder folder = new("""
        model:
          layers: [ { units: 32 }, { units: 5 } ]
        data:
          source: openml-csv
          path: hls4ml_lhc_jets_hlf.csv
        training:
          epochs: 3
          batch_size: 256
          learning_rate: 0.005
        """);

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Openml_csv_source_trains_like_the_generator()
    {
        WriteOpenMlCsv(Path.Combine(folder.Directory, "hls4ml_lhc_jets_hlf.csv"), rows: 4000);

        var (exitCode, output) = CodesignRun.Invoke("build", folder.SpecPath);

        Assert.True(exitCode == 0, output);
        Assert.Contains("prepare: 16 features, 5 classes; train 2800, validation 400, test 800 rows", output, StringComparison.Ordinal);
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(folder.OutputDirectory, "float", "metrics.json")))!;
        Assert.InRange((double)metrics["test"]!["accuracy"]!, 0.5, 1.0);
        Assert.Equal(["g", "q", "w", "z", "t"], metrics["test"]!["classes"]!.AsArray().Select(c => (string)c!));
    }

    /// <summary>The layout of OpenML's export: the 16 named features, then the class letter in quotes.</summary>
    private static void WriteOpenMlCsv(string path, int rows)
    {
        var jets = JetGenerator.Generate(rows, seed: 5);
        var text = new StringBuilder(string.Join(",", JetFeatures.FeatureNames) + ",class\n");
        for (var row = 0; row < jets.RowCount; row++)
        {
            foreach (var value in jets.Rows.Row(row))
            {
                text.Append(value.ToString("R", CultureInfo.InvariantCulture)).Append(',');
            }

            text.Append('\'').Append(jets.ClassNames[jets.Rows.Labels[row]]).Append("'\n");
        }

        File.WriteAllText(path, text.ToString());
    }
}
