using Codesign.Training.Hessian;
using TorchSharp;

namespace Codesign.Training.Tests.Hessian;

public class HessianTraceEstimatorTests
{
    [Fact]
    public void Tolerance_zero_uses_every_probe()
    {
        var estimate = Estimate(seed: 1, tolerance: 0, minProbes: 2, maxProbes: 37);

        Assert.Equal(37, estimate.Probes);
        Assert.False(estimate.Converged);
    }

    [Fact]
    public void A_loose_tolerance_stops_at_the_minimum_probes()
    {
        var estimate = Estimate(seed: 1, tolerance: 1e9, minProbes: 6, maxProbes: 200);

        Assert.Equal(6, estimate.Probes);
        Assert.True(estimate.Converged);
    }

    [Fact]
    public void A_moderate_tolerance_stops_once_the_relative_standard_error_is_below_it()
    {
        var estimate = Estimate(seed: 1, tolerance: 0.05, minProbes: 2, maxProbes: 5000);

        Assert.True(estimate.Converged);
        Assert.InRange(estimate.Probes, 3, 4999);
        Assert.True(estimate.StandardError < 0.05 * Math.Abs(estimate.Trace));
        // One probe fewer was not yet below the tolerance: the stop is the first point that qualifies.
        var before = Estimate(seed: 1, tolerance: 0, minProbes: 2, maxProbes: estimate.Probes - 1);
        Assert.True(before.StandardError >= 0.05 * Math.Abs(before.Trace));
    }

    [Fact]
    public void The_standard_error_is_reported_and_positive()
    {
        var estimate = Estimate(seed: 1, tolerance: 0, minProbes: 2, maxProbes: 50);

        Assert.True(double.IsFinite(estimate.StandardError));
        Assert.True(estimate.StandardError > 0);
    }

    [Fact]
    public void Probes_are_rademacher_and_follow_the_generator_seed()
    {
        using var scope = torch.NewDisposeScope();
        using var first = new torch.Generator(3);
        using var again = new torch.Generator(3);
        using var other = new torch.Generator(4);

        var probe = RandomDirections.Rademacher([64, 16], first).data<float>().ToArray();
        var same = RandomDirections.Rademacher([64, 16], again).data<float>().ToArray();
        var different = RandomDirections.Rademacher([64, 16], other).data<float>().ToArray();

        Assert.All(probe, entry => Assert.True(entry is 1f or -1f));
        Assert.InRange(probe.Count(entry => entry > 0), 400, 624);
        Assert.Equal(probe, same);
        Assert.NotEqual(probe, different);
    }

    [Fact]
    public void Same_seed_gives_the_same_estimate_and_another_seed_a_different_one()
    {
        var first = Estimate(seed: 9, tolerance: 0, minProbes: 2, maxProbes: 20);
        var again = Estimate(seed: 9, tolerance: 0, minProbes: 2, maxProbes: 20);
        var other = Estimate(seed: 10, tolerance: 0, minProbes: 2, maxProbes: 20);

        Assert.Equal(BitConverter.DoubleToInt64Bits(first.Trace), BitConverter.DoubleToInt64Bits(again.Trace));
        Assert.Equal(BitConverter.DoubleToInt64Bits(first.StandardError), BitConverter.DoubleToInt64Bits(again.StandardError));
        Assert.NotEqual(first.Trace, other.Trace);
    }

    private static TraceEstimate Estimate(ulong seed, double tolerance, int minProbes, int maxProbes)
    {
        using var network = HessianFixtures.Network();
        network.eval();
        using var scope = torch.NewDisposeScope();
        using var product = new HessianVectorProduct(network, HessianBatches.Take(HessianFixtures.Rows(), HessianFixtures.Options()), HessianFixtures.Weight(network, "dense_2"));
        using var generator = new torch.Generator(seed);
        return HessianTraceEstimator.Estimate(product, generator, tolerance, minProbes, maxProbes);
    }
}
