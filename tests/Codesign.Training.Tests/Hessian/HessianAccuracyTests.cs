using Codesign.Training.Hessian;
using Codesign.Training.Models;
using TorchSharp;
using Xunit.Abstractions;

namespace Codesign.Training.Tests.Hessian;

/// <summary>The analyzer's estimates against the exact 12 x 12 blocks (H e_k column by column, Jacobi eigenvalues).</summary>
public class HessianAccuracyTests(ITestOutputHelper output)
{
    [Fact]
    public void Hutchinson_with_1000_probes_is_within_5_percent_of_the_exact_trace()
    {
        using var network = HessianFixtures.Network();
        var options = HessianFixtures.Options() with { TraceTolerance = 0, MinProbes = 1000, MaxProbes = 1000 };

        var report = HessianAnalyzer.Analyze(network, HessianFixtures.Rows(), options);

        foreach (var layer in report.Layers)
        {
            var exact = ExactHessian.Trace(ExactBlock(network, layer.Layer));
            var error = Math.Abs(layer.Trace - exact);
            output.WriteLine($"{layer.Layer}: trace {layer.Trace:G6} ± {layer.TraceStandardError:G3} vs exact {exact:G6}: error {error / exact:P2} ({error / layer.TraceStandardError:F2} standard errors)");
            Assert.Equal(1000, layer.TraceProbes);
            Assert.False(layer.TraceConverged);
            Assert.InRange(error, 0, 0.05 * Math.Abs(exact));
            Assert.InRange(error, 0, 4 * layer.TraceStandardError);
        }
    }

    [Fact]
    public void Power_iteration_is_within_1_percent_of_the_exact_top_eigenvalue()
    {
        using var network = HessianFixtures.Network();

        var report = HessianAnalyzer.Analyze(network, HessianFixtures.Rows(), HessianFixtures.Options());

        foreach (var layer in report.Layers)
        {
            var block = ExactBlock(network, layer.Layer);
            var eigenvalues = JacobiEigenvalues.Compute(ExactHessian.Symmetrized(block));
            var exact = eigenvalues.MaxBy(Math.Abs);
            var error = Math.Abs(layer.TopEigenvalue - exact);
            output.WriteLine($"{layer.Layer}: top eigenvalue {layer.TopEigenvalue:G6} after {layer.EigenIterations} iterations vs exact {exact:G6} (next {eigenvalues[^2]:G4}): error {error / Math.Abs(exact):P4}");
            Assert.True(layer.EigenConverged);
            Assert.InRange(error, 0, 0.01 * Math.Abs(exact));
            // The eigenvalues' sum is the trace: a check on the eigen-solver.
            Assert.Equal(ExactHessian.Trace(block), eigenvalues.Sum(), 1e-5);
        }
    }

    private static double[,] ExactBlock(MlpNetwork network, string layer)
    {
        network.eval();
        using var scope = torch.NewDisposeScope();
        using var product = new HessianVectorProduct(network, HessianBatches.Take(HessianFixtures.Rows(), HessianFixtures.Options()), HessianFixtures.Weight(network, layer));
        return ExactHessian.FromProducts(product);
    }
}
