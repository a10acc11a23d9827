namespace Codesign.Data;

/// <summary>
/// Rows of one split: features row-major (<see cref="RowCount"/> x <see cref="FeatureCount"/>) and one class
/// index per row. Plain arrays because training and the file format move them in bulk.
/// </summary>
public sealed class DatasetSplit
{
    public DatasetSplit(float[] features, int[] labels, int featureCount)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureCount);
        if ((long)labels.Length * featureCount != features.Length)
        {
            throw new ArgumentException(
                $"{features.Length} feature values do not form {labels.Length} rows of {featureCount} features.",
                nameof(features));
        }

        Features = features;
        Labels = labels;
        FeatureCount = featureCount;
    }

    public float[] Features { get; }

    public int[] Labels { get; }

    public int FeatureCount { get; }

    public int RowCount => Labels.Length;

    public ReadOnlySpan<float> Row(int index) => Features.AsSpan(index * FeatureCount, FeatureCount);
}
