using Codesign.Training.Hessian;
using TorchSharp;

namespace Codesign.Training.Tests.Hessian;

public class TopEigenvalueEstimatorTests
{
    [Fact]
    public void Tolerance_zero_runs_every_iteration()
    {
        var estimate = Estimate(tolerance: 0, maxIterations: 25);

        Assert.Equal(25, estimate.Iterations);
        Assert.False(estimate.Converged);
    }

    [Fact]
    public void The_iteration_cap_stops_an_unsettled_estimate()
    {
        var estimate = Estimate(tolerance: 1e-4, maxIterations: 1);

        Assert.Equal(1, estimate.Iterations);
        Assert.False(estimate.Converged);
    }

    [Fact]
    public void A_tolerance_stops_once_the_eigenvalue_settles()
    {
        var settled = Estimate(tolerance: 1e-4, maxIterations: 100);
        var longer = Estimate(tolerance: 0, maxIterations: 100);

        Assert.True(settled.Converged);
        Assert.InRange(settled.Iterations, 2, 99);
        // The stop came where the last change was below the tolerance, and later iterations barely move it.
        Assert.InRange(Math.Abs(settled.Eigenvalue - longer.Eigenvalue), 0, 1e-3 * Math.Abs(longer.Eigenvalue));
        var previous = Estimate(tolerance: 0, maxIterations: settled.Iterations - 1);
        Assert.True(Math.Abs(settled.Eigenvalue - previous.Eigenvalue) < 1e-4 * Math.Abs(settled.Eigenvalue));
    }

    private static EigenvalueEstimate Estimate(double tolerance, int maxIterations)
    {
        using var network = HessianFixtures.Network();
        network.eval();
        using var scope = torch.NewDisposeScope();
        using var product = new HessianVectorProduct(network, HessianBatches.Take(HessianFixtures.Rows(), HessianFixtures.Options()), HessianFixtures.Weight(network, "dense_1"));
        using var generator = new torch.Generator(21);
        return TopEigenvalueEstimator.Estimate(product, generator, tolerance, maxIterations);
    }
}
