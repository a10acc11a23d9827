using Codesign.Core.Spec;
using Codesign.Data.Files;
using Codesign.Data.Scaling;

namespace Codesign.Data.Tests;

public sealed class DataPreparerTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Csv_is_split_standardized_on_train_and_written_as_artifacts()
    {
        var lines = new List<string> { "x,y,label" };
        lines.AddRange(Enumerable.Range(0, 40).Select(i => $"{i},{100 - (i * 2.5)},{(i % 3 == 0 ? "sig" : "bkg")}"));
        var csv = _temp.WriteFile("data.csv", string.Join("\n", lines));

        var prepared = DataPreparer.Prepare(Specs.Csv(csv, ["y", "x"], split: new SplitSpec(0.25, 0.25, 2)));
        var paths = DataStageOutputs.Write(_temp.File("out"), prepared);

        Assert.Equal((20, 10, 10), (prepared.Dataset.Train.RowCount, prepared.Dataset.Validation.RowCount, prepared.Dataset.Test.RowCount));
        Assert.Equal(["bkg", "sig"], prepared.Dataset.ClassNames);
        Assert.Equal(_temp.File("out/dataset.bin"), paths.DatasetPath);
        Assert.Equal(_temp.File("out/scaler.json"), paths.ScalerPath);

        var dataset = DatasetFile.Read(paths.DatasetPath);
        var scaler = StandardScalerJson.Read(paths.ScalerPath);
        Assert.Equal(prepared.Dataset.Test.Features, dataset.Test.Features);
        Assert.Equal(["y", "x"], scaler.FeatureNames);

        // Undo the scaling of the first test row: it must be one of the CSV's rows, y = 100 - 2.5 x.
        var row = dataset.Test.Row(0);
        var y = (row[0] * scaler.Std[0]) + scaler.Mean[0];
        var x = (row[1] * scaler.Std[1]) + scaler.Mean[1];
        Assert.Equal(100 - (2.5 * x), y, 3);
        Assert.Equal(Math.Round(x), x, 3);
    }

    [Fact]
    public void Preparing_jets_twice_writes_byte_identical_artifacts()
    {
        var spec = Specs.Jets(5_000, seed: 8);

        var first = DataStageOutputs.Write(_temp.File("first"), DataPreparer.Prepare(spec));
        var second = DataStageOutputs.Write(_temp.File("second"), DataPreparer.Prepare(spec));

        Assert.Equal(File.ReadAllBytes(first.DatasetPath), File.ReadAllBytes(second.DatasetPath));
        Assert.Equal(File.ReadAllBytes(first.ScalerPath), File.ReadAllBytes(second.ScalerPath));
    }

    [Fact]
    public void Different_split_seed_changes_the_dataset_but_not_the_jets()
    {
        var first = DataPreparer.Prepare(Specs.Jets(2_000, seed: 8, split: new SplitSpec(0.2, 0.2, 1)));
        var second = DataPreparer.Prepare(Specs.Jets(2_000, seed: 8, split: new SplitSpec(0.2, 0.2, 2)));

        Assert.NotEqual(first.Dataset.Test.Labels, second.Dataset.Test.Labels);
        Assert.Equal(first.Dataset.Splits.Sum(s => s.RowCount), second.Dataset.Splits.Sum(s => s.RowCount));
    }
}
