using Codesign.Core.Spec;
using Codesign.Data.Files;
using Codesign.Data.Hgcal;
using Codesign.Data.Scaling;

namespace Codesign.Data.Tests.Hgcal;

/// <summary>The hgcal sources through the data stage: unlabelled 8x8x1 images, split, not standardized, written and read back.</summary>
public sealed class HgcalDatasetTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static DataSpec Generator(int samples) => new()
    {
        Source = DataSource.Hgcal,
        SourceName = "hgcal",
        Samples = samples,
        Seed = 7,
        Split = new SplitSpec(0.1, 0.2, 42),
    };

    [Fact]
    public void Generated_modules_become_unlabelled_images_in_every_split()
    {
        var prepared = DataPreparer.Prepare(Generator(500));
        var dataset = prepared.Dataset;
        Assert.False(dataset.IsLabeled);
        Assert.Empty(dataset.ClassNames);
        Assert.Equal(64, dataset.FeatureCount);
        Assert.Equal(500, dataset.Splits.Sum(s => s.RowCount));
        Assert.All(dataset.Splits, split => Assert.False(split.IsLabeled));
        Assert.All(prepared.Scaler.Mean, mean => Assert.Equal(0, mean));
        Assert.All(prepared.Scaler.Std, std => Assert.Equal(1, std));

        // Each image holds a normalised module: its 48 cells sum to [1, 2) and the unused pixels are zero.
        var cells = new float[HgcalModuleGeometry.CellCount];
        for (var row = 0; row < dataset.Test.RowCount; row++)
        {
            var image = dataset.Test.Row(row);
            HgcalModuleGeometry.FromImage(image, cells);
            Assert.InRange(cells.Sum(), 1 - 1e-5, 2);
            Assert.Equal(cells.Sum(), image.ToArray().Sum(), 4);
        }
    }

    [Fact]
    public void Unlabelled_dataset_file_round_trips()
    {
        var prepared = DataPreparer.Prepare(Generator(300));
        var paths = DataStageOutputs.Write(_temp.File("out"), prepared);
        var read = DatasetFile.Read(paths.DatasetPath);
        Assert.False(read.IsLabeled);
        Assert.Equal(HgcalDatasetReader.PixelNames, read.FeatureNames);
        Assert.Equal(prepared.Dataset.Train.Features, read.Train.Features);
        Assert.Equal(prepared.Dataset.Test.RowCount, read.Test.RowCount);
        Assert.Equal(64, StandardScalerJson.Read(paths.ScalerPath).FeatureCount);
    }

    [Fact]
    public void Csv_source_reads_the_authors_columns()
    {
        var header = string.Join(",", Enumerable.Range(0, 48).Select(i => $"CALQ_{i}"));
        var rows = Enumerable.Range(0, 20).Select(r => string.Join(",", Enumerable.Range(0, 48).Select(i => i == r ? "6" : "0")));
        var csv = _temp.WriteFile("modules.csv", header + "\n" + string.Join("\n", rows) + "\n");
        var spec = new DataSpec { Source = DataSource.HgcalCsv, SourceName = "hgcal-csv", Files = Specs.Files(csv), Split = new SplitSpec(0, 0.5, 1) };
        var dataset = DataPreparer.Prepare(spec).Dataset;
        Assert.Equal(20, dataset.Train.RowCount + dataset.Test.RowCount);

        // A single charge of 6 is normalised by 4 to 1.5, at its cell's pixel.
        Assert.All(dataset.Test.Features.Where(v => v != 0), v => Assert.Equal(1.5f, v));
    }
}
