using Codesign.Data.Randomness;

namespace Codesign.Data.Tests.Randomness;

public sealed class Xoshiro256StarStarTests
{
    private static double[] Draw(int count, Func<Xoshiro256StarStar, double> sample)
    {
        var random = new Xoshiro256StarStar(123, 0);
        return Enumerable.Range(0, count).Select(_ => sample(random)).ToArray();
    }

    private static (double Mean, double Variance) Moments(double[] values)
    {
        var mean = values.Average();
        return (mean, values.Select(v => (v - mean) * (v - mean)).Average());
    }

    [Fact]
    public void Matches_the_reference_implementation()
    {
        var random = Xoshiro256StarStar.FromState(1, 2, 3, 4);

        var values = Enumerable.Range(0, 4).Select(_ => random.NextUInt64()).ToArray();

        Assert.Equal([11520UL, 0UL, 1509978240UL, 1215971899390074240UL], values);
    }

    [Fact]
    public void Same_seed_and_stream_repeat_and_streams_differ()
    {
        var a = new Xoshiro256StarStar(5, 1);
        var b = new Xoshiro256StarStar(5, 1);
        var c = new Xoshiro256StarStar(5, 2);
        var d = new Xoshiro256StarStar(6, 1);

        var first = Enumerable.Range(0, 8).Select(_ => a.NextUInt64()).ToArray();
        Assert.Equal(first, Enumerable.Range(0, 8).Select(_ => b.NextUInt64()));
        Assert.NotEqual(first, Enumerable.Range(0, 8).Select(_ => c.NextUInt64()));
        Assert.NotEqual(first, Enumerable.Range(0, 8).Select(_ => d.NextUInt64()));
    }

    [Fact]
    public void Sequence_is_pinned_so_datasets_never_silently_change()
    {
        var random = new Xoshiro256StarStar(1, 0);

        var values = Enumerable.Range(0, 3).Select(_ => random.NextUInt64()).ToArray();

        Assert.Equal(PinnedSequence, values);
    }

    [Fact]
    public void Uniforms_stay_in_range()
    {
        var random = new Xoshiro256StarStar(9, 9);
        for (var i = 0; i < 100_000; i++)
        {
            Assert.InRange(random.NextDouble(), 0.0, 0.9999999999999999);
            var open = random.NextOpenDouble();
            Assert.True(open > 0 && open < 1);
            Assert.InRange(random.NextInt(7), 0, 6);
        }
    }

    [Fact]
    public void Integers_are_uniform()
    {
        var counts = new int[5];
        var random = new Xoshiro256StarStar(2, 2);
        for (var i = 0; i < 50_000; i++)
        {
            counts[random.NextInt(5)]++;
        }

        Assert.All(counts, count => Assert.InRange(count, 9_600, 10_400));
    }

    [Fact]
    public void Normal_has_zero_mean_and_unit_variance()
    {
        var (mean, variance) = Moments(Draw(200_000, r => r.NextNormal()));

        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(variance, 0.98, 1.02);
    }

    [Theory]
    [InlineData(0.5, 2.0)]
    [InlineData(1.0, 1.0)]
    [InlineData(5.0, 0.2)]
    public void Gamma_has_shape_times_scale_mean_and_shape_times_scale_squared_variance(double shape, double scale)
    {
        var (mean, variance) = Moments(Draw(200_000, r => r.NextGamma(shape, scale)));

        Assert.InRange(mean, shape * scale * 0.98, shape * scale * 1.02);
        Assert.InRange(variance, shape * scale * scale * 0.95, shape * scale * scale * 1.05);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(4.0)]
    [InlineData(40.0)]
    [InlineData(700.0)]
    public void Poisson_mean_equals_variance(double mean)
    {
        var (sampleMean, variance) = Moments(Draw(100_000, r => r.NextPoisson(mean)));

        Assert.InRange(sampleMean, mean * 0.98, mean * 1.02);
        Assert.InRange(variance, mean * 0.95, mean * 1.05);
    }

    [Fact]
    public void Shuffle_is_a_permutation()
    {
        var items = Enumerable.Range(0, 1000).ToArray();

        new Xoshiro256StarStar(3, 3).Shuffle(items.AsSpan());

        Assert.NotEqual(Enumerable.Range(0, 1000), items);
        Assert.Equal(Enumerable.Range(0, 1000), items.Order());
    }

    // Seed 1, stream 0, recomputed independently from the SplitMix64 and xoshiro256** reference definitions.
    private static readonly ulong[] PinnedSequence = [10086595081174190983, 12841873242658201529, 13667289339237096417];
}
