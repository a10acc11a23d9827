namespace Codesign.Data;

/// <summary>
/// What a source (CSV or generator) yields before splitting: every row, with names for its columns and classes
/// (none, with unlabelled rows, for HGCal modules).
/// </summary>
public sealed class LabeledSamples
{
    public LabeledSamples(string[] featureNames, string[] classNames, DatasetSplit rows)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.FeatureCount != featureNames.Length)
        {
            throw new ArgumentException(
                $"The rows have {rows.FeatureCount} features but {featureNames.Length} feature names were given.",
                nameof(featureNames));
        }

        if (rows.IsLabeled != classNames.Length > 0)
        {
            throw new ArgumentException("Labelled rows need class names, and unlabelled rows none.", nameof(classNames));
        }

        EnsureLabelsInRange(rows.Labels, classNames.Length);
        FeatureNames = featureNames;
        ClassNames = classNames;
        Rows = rows;
    }

    public string[] FeatureNames { get; }

    public string[] ClassNames { get; }

    public DatasetSplit Rows { get; }

    public int RowCount => Rows.RowCount;

    internal static void EnsureLabelsInRange(int[] labels, int classCount)
    {
        foreach (var label in labels)
        {
            if ((uint)label >= (uint)classCount)
            {
                throw new ArgumentException($"Label {label} is outside [0, {classCount}).", nameof(labels));
            }
        }
    }
}
