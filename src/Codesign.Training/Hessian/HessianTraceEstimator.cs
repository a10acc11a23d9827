using TorchSharp;

namespace Codesign.Training.Hessian;

/// <summary>
/// Hutchinson's method: for Rademacher probes v, E[vᵀHv] = Tr(H), so the mean of vᵀHv over independent probes
/// estimates the trace with a standard error that shrinks as 1/√probes. Each probe costs one Hessian-vector product.
/// </summary>
public static class HessianTraceEstimator
{
    /// <summary>
    /// Draws probes from <paramref name="generator"/> until, after at least <paramref name="minProbes"/>, the
    /// standard error is below <paramref name="tolerance"/> x |mean|, or until <paramref name="maxProbes"/>.
    /// </summary>
    public static TraceEstimate Estimate(HessianVectorProduct product, torch.Generator generator, double tolerance, int minProbes, int maxProbes)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        ArgumentOutOfRangeException.ThrowIfLessThan(minProbes, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxProbes, minProbes);

        var samples = new RunningMean();
        var converged = false;
        while (samples.Count < maxProbes)
        {
            // One scope per probe: the probe, its product and the dot's temporaries are freed before the next.
            using var scope = torch.NewDisposeScope();
            var probe = RandomDirections.Rademacher(product.Shape, generator);
            samples.Add(RandomDirections.Dot(probe, product.Apply(probe)));
            if (samples.Count >= minProbes && samples.RelativeStandardError < tolerance)
            {
                converged = true;
                break;
            }
        }

        return new TraceEstimate(samples.Mean, samples.StandardError, samples.Count, converged);
    }
}
