namespace Codesign.Data.Scaling;

/// <summary>
/// Per-feature standardization z = (x - mean) / std, fitted on the training split only so that validation and
/// test scores are not flattered by statistics of the data they measure. The firmware applies the same numbers,
/// which is why they are kept in double and written out exactly.
/// </summary>
public sealed class StandardScaler
{
    public StandardScaler(string[] featureNames, double[] mean, double[] std)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(std);
        if (mean.Length != featureNames.Length || std.Length != featureNames.Length)
        {
            throw new ArgumentException(
                $"{featureNames.Length} features need as many means and stds (got {mean.Length} and {std.Length}).",
                nameof(featureNames));
        }

        foreach (var value in std)
        {
            if (!(value > 0) || !double.IsFinite(value))
            {
                throw new ArgumentException($"Standard deviations must be finite and positive; got {value}.", nameof(std));
            }
        }

        FeatureNames = featureNames;
        Mean = mean;
        Std = std;
    }

    public string[] FeatureNames { get; }

    public double[] Mean { get; }

    /// <summary>Population standard deviations; 1 where the training data was constant.</summary>
    public double[] Std { get; }

    public int FeatureCount => FeatureNames.Length;

    /// <summary>Mean 0 and std 1 for every feature: the scaler of data that is not standardized.</summary>
    public static StandardScaler Identity(string[] featureNames)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        return new StandardScaler(featureNames, new double[featureNames.Length], [.. Enumerable.Repeat(1.0, featureNames.Length)]);
    }

    public static StandardScaler Fit(DatasetSplit train, string[] featureNames)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(featureNames);
        if (train.FeatureCount != featureNames.Length)
        {
            throw new ArgumentException("Feature names do not match the split's width.", nameof(featureNames));
        }

        var width = train.FeatureCount;
        var mean = new double[width];
        var std = new double[width];
        var rows = train.RowCount;
        if (rows > 0)
        {
            var features = train.Features;
            for (var row = 0; row < rows; row++)
            {
                for (var column = 0; column < width; column++)
                {
                    mean[column] += features[(row * width) + column];
                }
            }

            for (var column = 0; column < width; column++)
            {
                mean[column] /= rows;
            }

            // Two passes: summing squared deviations avoids the cancellation of E[x^2] - E[x]^2.
            for (var row = 0; row < rows; row++)
            {
                for (var column = 0; column < width; column++)
                {
                    var deviation = features[(row * width) + column] - mean[column];
                    std[column] += deviation * deviation;
                }
            }
        }

        for (var column = 0; column < width; column++)
        {
            var deviation = rows > 0 ? Math.Sqrt(std[column] / rows) : 0;

            // A constant feature carries no information; dividing by 1 keeps it finite instead of 0/0.
            std[column] = deviation > 0 ? deviation : 1;
        }

        return new StandardScaler(featureNames, mean, std);
    }

    /// <summary>Standardizes row-major features in place.</summary>
    public void Transform(float[] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var width = FeatureCount;
        if (features.Length % width != 0)
        {
            throw new ArgumentException($"{features.Length} values are not whole rows of {width} features.", nameof(features));
        }

        for (var start = 0; start < features.Length; start += width)
        {
            for (var column = 0; column < width; column++)
            {
                features[start + column] = (float)((features[start + column] - Mean[column]) / Std[column]);
            }
        }
    }

    public void Transform(DatasetSplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        if (split.FeatureCount != FeatureCount)
        {
            throw new ArgumentException($"The split has {split.FeatureCount} features; the scaler has {FeatureCount}.", nameof(split));
        }

        Transform(split.Features);
    }
}
