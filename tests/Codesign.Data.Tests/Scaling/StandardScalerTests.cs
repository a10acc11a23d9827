using Codesign.Core.Diagnostics;
using Codesign.Core.Spec;
using Codesign.Data.Scaling;
using Codesign.Data.Splitting;

namespace Codesign.Data.Tests.Scaling;

public sealed class StandardScalerTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static (double Mean, double Std) Moments(DatasetSplit split, int column)
    {
        var values = Enumerable.Range(0, split.RowCount).Select(row => (double)split.Row(row)[column]).ToArray();
        var mean = values.Average();
        return (mean, Math.Sqrt(values.Select(v => (v - mean) * (v - mean)).Average()));
    }

    [Fact]
    public void Fits_population_statistics_of_the_given_split()
    {
        var split = new DatasetSplit([1, 10, 3, 10, 5, 10, 7, 10], [0, 0, 0, 0], 2);

        var scaler = StandardScaler.Fit(split, ["x", "constant"]);

        Assert.Equal([4.0, 10.0], scaler.Mean);
        Assert.Equal(Math.Sqrt(5), scaler.Std[0], 12);
        Assert.Equal(1.0, scaler.Std[1]);
    }

    [Fact]
    public void Fitted_on_train_standardizes_train_exactly_and_other_splits_only_approximately()
    {
        var dataset = DatasetSplitter.Split(Samples.Indexed(2000, featureCount: 4), new SplitSpec(0.2, 0.2, 9));
        var scaler = StandardScaler.Fit(dataset.Train, dataset.FeatureNames);
        foreach (var split in dataset.Splits)
        {
            scaler.Transform(split);
        }

        for (var column = 0; column < 4; column++)
        {
            var (trainMean, trainStd) = Moments(dataset.Train, column);
            Assert.Equal(0, trainMean, 5);
            Assert.Equal(1, trainStd, 5);
            var (testMean, testStd) = Moments(dataset.Test, column);
            Assert.True(Math.Abs(testMean) > 1e-4 || Math.Abs(testStd - 1) > 1e-4, $"column {column} of test is exactly standardized; the scaler must not see the test split");
            Assert.InRange(testMean, -0.2, 0.2);
        }
    }

    [Fact]
    public void Constant_features_stay_finite()
    {
        var split = new DatasetSplit([3, 3, 3], [0, 0, 0], 1);
        var scaler = StandardScaler.Fit(split, ["c"]);

        scaler.Transform(split);

        Assert.Equal([0f, 0f, 0f], split.Features);
    }

    [Fact]
    public void Json_round_trips_doubles_exactly_and_is_byte_identical()
    {
        var scaler = new StandardScaler(["a", "b \"quoted\""], [0.1 + 0.2, -1e-300], [Math.PI, 1.0 / 3]);
        var path = _temp.File("scaler.json");

        StandardScalerJson.Write(path, scaler);
        var first = File.ReadAllBytes(path);
        var read = StandardScalerJson.Read(path);
        StandardScalerJson.Write(path, read);

        Assert.Equal(scaler.FeatureNames, read.FeatureNames);
        Assert.Equal(scaler.Mean, read.Mean);
        Assert.Equal(scaler.Std, read.Std);
        Assert.Equal(first, File.ReadAllBytes(path));
        Assert.Contains("0.30000000000000004", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.DoesNotContain("\r", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"featureNames\":[\"a\"],\"mean\":[1]}")]
    [InlineData("{\"featureNames\":[\"a\"],\"mean\":[1,2],\"std\":[1]}")]
    [InlineData("{\"featureNames\":[\"a\"],\"mean\":[1],\"std\":[0]}")]
    [InlineData("{\"featureNames\":[\"a\"],\"mean\":[\"x\"],\"std\":[1]}")]
    public void Invalid_json_is_a_corrupt_artifact(string json)
    {
        var path = _temp.WriteFile("scaler.json", json);

        var diagnostic = Errors.Single(() => StandardScalerJson.Read(path));

        Assert.Equal(DiagnosticCodes.CorruptArtifact, diagnostic.Code);
        Assert.Equal(path, diagnostic.Location.File);
    }
}
