namespace Codesign.Data.Summaries;

/// <summary>Location and spread of one feature within one class.</summary>
public sealed record FeatureStatistics(
    double Mean,
    double StandardDeviation,
    double Minimum,
    double Quantile05,
    double Median,
    double Quantile95,
    double Maximum)
{
    /// <summary>
    /// Statistics of <paramref name="values"/> (sorted in place). Quantiles interpolate linearly between order
    /// statistics (the common "type 7" definition numpy and R use by default), so numbers match other tools.
    /// </summary>
    public static FeatureStatistics Of(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length == 0)
        {
            return new FeatureStatistics(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        Array.Sort(values);
        double sum = 0;
        foreach (var value in values)
        {
            sum += value;
        }

        var mean = sum / values.Length;
        double squares = 0;
        foreach (var value in values)
        {
            squares += (value - mean) * (value - mean);
        }

        return new FeatureStatistics(mean, Math.Sqrt(squares / values.Length), values[0], Quantile(values, 0.05), Quantile(values, 0.5),
            Quantile(values, 0.95), values[^1]);
    }

    public static double Quantile(double[] sorted, double probability)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var position = probability * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }
}
