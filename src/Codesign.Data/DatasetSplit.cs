namespace Codesign.Data;

/// <summary>
/// Rows of one split: features row-major (<see cref="RowCount"/> x <see cref="FeatureCount"/>) and one class
/// index per row, or no labels at all for data an autoencoder learns from (<see cref="Unlabeled"/>). Plain arrays
/// because training and the file format move them in bulk.
/// </summary>
public sealed class DatasetSplit
{
    public DatasetSplit(float[] features, int[] labels, int featureCount)
        : this(features, labels, featureCount, labels?.Length ?? 0, isLabeled: true)
    {
    }

    private DatasetSplit(float[] features, int[] labels, int featureCount, int rowCount, bool isLabeled)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureCount);
        if ((long)rowCount * featureCount != features.Length)
        {
            throw new ArgumentException(
                $"{features.Length} feature values do not form {rowCount} rows of {featureCount} features.",
                nameof(features));
        }

        Features = features;
        Labels = labels;
        FeatureCount = featureCount;
        RowCount = rowCount;
        IsLabeled = isLabeled;
    }

    public float[] Features { get; }

    /// <summary>One class index per row; empty when the split <see cref="IsLabeled"/> is false.</summary>
    public int[] Labels { get; }

    public int FeatureCount { get; }

    public int RowCount { get; }

    public bool IsLabeled { get; }

    /// <summary>Rows without labels (HGCal modules): the row count follows from the feature count.</summary>
    public static DatasetSplit Unlabeled(float[] features, int featureCount)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureCount);
        return new DatasetSplit(features, [], featureCount, features.Length / featureCount, isLabeled: false);
    }

    public ReadOnlySpan<float> Row(int index) => Features.AsSpan(index * FeatureCount, FeatureCount);
}
