using Codesign.Data.Summaries;

namespace Codesign.Data.Tests.Summaries;

public class ClassFeatureSummaryTests
{
    [Fact]
    public void Statistics_are_computed_per_class_and_feature()
    {
        // Class 0 holds x = 1..5, class 1 holds x = 10 and 20; y is 2x throughout.
        float[] features = [1, 2, 10, 20, 2, 4, 3, 6, 20, 40, 4, 8, 5, 10];
        int[] labels = [0, 1, 0, 0, 1, 0, 0];
        var samples = new LabeledSamples(["x", "y"], ["a", "b"], new DatasetSplit(features, labels, 2));

        var summary = ClassFeatureSummary.Of(samples);

        Assert.Equal([5, 2], summary.ClassCounts);
        var x = summary[0, 0];
        Assert.Equal((3.0, 1.0, 3.0, 5.0), (x.Mean, x.Minimum, x.Median, x.Maximum));
        Assert.Equal(Math.Sqrt(2), x.StandardDeviation, precision: 12);
        Assert.Equal(1.2, x.Quantile05, precision: 12);
        Assert.Equal(4.8, x.Quantile95, precision: 12);
        Assert.Equal(30.0, summary[1, 1].Mean);
        Assert.Equal(15.0, summary[1, 0].Median);
    }

    [Fact]
    public void Empty_class_has_undefined_statistics()
    {
        var samples = new LabeledSamples(["x"], ["a", "b"], new DatasetSplit([1f, 2f], [0, 0], 1));

        Assert.True(double.IsNaN(ClassFeatureSummary.Of(samples)[1, 0].Mean));
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 4.0)]
    [InlineData(0.5, 2.5)]
    [InlineData(0.25, 1.75)]
    public void Quantiles_interpolate_between_order_statistics(double probability, double expected)
    {
        Assert.Equal(expected, FeatureStatistics.Quantile([1, 2, 3, 4], probability), precision: 12);
    }
}
