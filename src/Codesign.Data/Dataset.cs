namespace Codesign.Data;

/// <summary>
/// A dataset already divided into train, validation and test splits: labelled (a classifier's), or with no class
/// names and unlabelled splits (an autoencoder's).
/// </summary>
public sealed class Dataset
{
    public Dataset(string[] featureNames, string[] classNames, DatasetSplit train, DatasetSplit validation, DatasetSplit test)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(test);
        var labeled = classNames.Length > 0;

        foreach (var split in new[] { train, validation, test })
        {
            if (split.FeatureCount != featureNames.Length)
            {
                throw new ArgumentException(
                    $"A split has {split.FeatureCount} features but {featureNames.Length} feature names were given.",
                    nameof(featureNames));
            }

            if (split.IsLabeled != labeled)
            {
                throw new ArgumentException(labeled ? "A dataset with classes needs labelled splits." : "A dataset without classes has unlabelled splits.", nameof(classNames));
            }

            LabeledSamples.EnsureLabelsInRange(split.Labels, classNames.Length);
        }

        FeatureNames = featureNames;
        ClassNames = classNames;
        Train = train;
        Validation = validation;
        Test = test;
    }

    public string[] FeatureNames { get; }

    public string[] ClassNames { get; }

    public DatasetSplit Train { get; }

    public DatasetSplit Validation { get; }

    public DatasetSplit Test { get; }

    public int FeatureCount => FeatureNames.Length;

    public int ClassCount => ClassNames.Length;

    /// <summary>False for data without labels, which only an autoencoder learns from.</summary>
    public bool IsLabeled => ClassNames.Length > 0;

    /// <summary>The splits in file order: train, validation, test.</summary>
    public IReadOnlyList<DatasetSplit> Splits => [Train, Validation, Test];
}
