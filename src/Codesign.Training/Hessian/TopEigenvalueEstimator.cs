using TorchSharp;
using static TorchSharp.torch;

namespace Codesign.Training.Hessian;

/// <summary>
/// Power iteration v ← Hv/|Hv| from a random unit vector. It converges to the eigenvector of the eigenvalue of
/// largest <em>magnitude</em>, which is the largest eigenvalue only when the block is positive semi-definite. A
/// single dense block of a ReLU network is (its output is piecewise linear in that block, so only the Gauss-Newton
/// term remains), but the sign is reported as found. The estimate is the Rayleigh quotient vᵀHv.
/// </summary>
public static class TopEigenvalueEstimator
{
    /// <summary>
    /// Iterates until the Rayleigh quotient changes by less than <paramref name="tolerance"/> x |λ| between two
    /// iterations, or until <paramref name="maxIterations"/> Hessian-vector products.
    /// </summary>
    public static EigenvalueEstimate Estimate(HessianVectorProduct product, torch.Generator generator, double tolerance, int maxIterations)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxIterations);

        using var outer = torch.NewDisposeScope();
        var direction = RandomDirections.UnitGaussian(product.Shape, generator);
        var eigenvalue = double.NaN;
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            using var scope = torch.NewDisposeScope();
            var image = product.Apply(direction);
            var previous = eigenvalue;
            eigenvalue = RandomDirections.Dot(direction, image);
            var length = image.norm().item<float>();
            if (length == 0)
            {
                // Hv = 0: v lies in the null space; with a random start that means H = 0 (a dead layer).
                return new EigenvalueEstimate(eigenvalue, iteration, true);
            }

            direction.Dispose();
            direction = image.div_(length).MoveToOuterDisposeScope();
            if (Settled(previous, eigenvalue, tolerance))
            {
                return new EigenvalueEstimate(eigenvalue, iteration, true);
            }
        }

        return new EigenvalueEstimate(eigenvalue, maxIterations, false);
    }

    private static bool Settled(double previous, double current, double tolerance)
    {
        if (double.IsNaN(previous))
        {
            return false;
        }

        // Strictly below: a tolerance of 0 runs every iteration, like the trace's.
        return Math.Abs(current - previous) < tolerance * Math.Abs(current);
    }
}
