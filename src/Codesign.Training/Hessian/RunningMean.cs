namespace Codesign.Training.Hessian;

/// <summary>
/// Mean and standard error of a stream of samples by Welford's update, in double precision: stable when the
/// samples are large and close together, as vᵀHv values of a dominant diagonal are.
/// </summary>
internal sealed class RunningMean
{
    private double sumOfSquaredDeviations;

    public int Count { get; private set; }

    public double Mean { get; private set; }

    /// <summary>Sample standard deviation / √count; NaN before the second sample.</summary>
    public double StandardError => Count < 2 ? double.NaN : Math.Sqrt(sumOfSquaredDeviations / (Count - 1) / Count);

    /// <summary>Standard error relative to |mean|: 0 when the samples agree exactly, infinite around a zero mean.</summary>
    public double RelativeStandardError
    {
        get
        {
            var error = StandardError;
            if (error == 0)
            {
                return 0;
            }

            return Mean == 0 ? double.PositiveInfinity : error / Math.Abs(Mean);
        }
    }

    public void Add(double sample)
    {
        Count++;
        var delta = sample - Mean;
        Mean += delta / Count;
        sumOfSquaredDeviations += delta * (sample - Mean);
    }
}
