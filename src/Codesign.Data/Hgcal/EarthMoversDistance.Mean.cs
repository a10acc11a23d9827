namespace Codesign.Data.Hgcal;

/// <summary>The mean EMD over a test set, and how many modules it covers.</summary>
/// <param name="Mean">Mean EMD in cell spacings over the <paramref name="Evaluated"/> modules; NaN if there are none.</param>
/// <param name="Evaluated">Modules where both maps have charge.</param>
/// <param name="Undefined">Modules left out because a map has no charge (typically a reconstruction of all zeros).</param>
public readonly record struct EmdMean(double Mean, int Evaluated, int Undefined);

public static partial class EarthMoversDistance
{
    /// <summary>The mean EMD between matching rows of two sets of maps (rows of 48 in CALQ order, any scale).</summary>
    public static EmdMean Mean(ReadOnlySpan<float> inputs, ReadOnlySpan<float> reconstructions) =>
        Mean(inputs.ToArray(), reconstructions.ToArray(), maxDegreeOfParallelism: -1);

    /// <param name="maxDegreeOfParallelism">-1 for all cores; the result does not depend on it.</param>
    internal static EmdMean Mean(float[] inputs, float[] reconstructions, int maxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(reconstructions);
        if (inputs.Length != reconstructions.Length || inputs.Length % Cells != 0)
        {
            throw new ArgumentException(
                $"Expected two sets of equally many rows of {Cells} cells; got {inputs.Length} and {reconstructions.Length} values.");
        }

        var distances = new double[inputs.Length / Cells];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        Parallel.For(0, distances.Length, options, row =>
            distances[row] = Compute(inputs.AsSpan(row * Cells, Cells), reconstructions.AsSpan(row * Cells, Cells)));

        // Summed in row order, so the mean is the same for any thread count.
        var sum = 0.0;
        var evaluated = 0;
        foreach (var distance in distances)
        {
            if (!double.IsNaN(distance))
            {
                sum += distance;
                evaluated++;
            }
        }

        return new EmdMean(evaluated > 0 ? sum / evaluated : double.NaN, evaluated, distances.Length - evaluated);
    }
}
