namespace Codesign.Data;

/// <summary>A labelled dataset already divided into train, validation and test splits.</summary>
public sealed class Dataset
{
    public Dataset(string[] featureNames, string[] classNames, DatasetSplit train, DatasetSplit validation, DatasetSplit test)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(test);
        if (classNames.Length == 0)
        {
            throw new ArgumentException("A dataset needs at least one class.", nameof(classNames));
        }

        foreach (var split in new[] { train, validation, test })
        {
            if (split.FeatureCount != featureNames.Length)
            {
                throw new ArgumentException(
                    $"A split has {split.FeatureCount} features but {featureNames.Length} feature names were given.",
                    nameof(featureNames));
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

    /// <summary>The splits in file order: train, validation, test.</summary>
    public IReadOnlyList<DatasetSplit> Splits => [Train, Validation, Test];
}
