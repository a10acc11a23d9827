namespace Codesign.Data;

/// <summary>
/// What a source yields before splitting: the rows to split into train, validation and (unless a separate test
/// source is named) test, and the rows of that separate test source. Both share feature and class names, so a
/// class index means the same class in either.
/// </summary>
public sealed class SourceData
{
    public SourceData(LabeledSamples main, LabeledSamples? test = null)
    {
        ArgumentNullException.ThrowIfNull(main);
        if (test is not null && (!test.FeatureNames.SequenceEqual(main.FeatureNames) || !test.ClassNames.SequenceEqual(main.ClassNames)))
        {
            throw new ArgumentException("The test rows must have the same feature and class names as the main rows.", nameof(test));
        }

        Main = main;
        Test = test;
    }

    public LabeledSamples Main { get; }

    /// <summary>The rows of the spec's <c>test_path</c>; null when the test split is cut from <see cref="Main"/>.</summary>
    public LabeledSamples? Test { get; }

    /// <summary>Every row: the main rows, then the test rows.</summary>
    public LabeledSamples All()
    {
        if (Test is null)
        {
            return Main;
        }

        var width = Main.FeatureNames.Length;
        var rows = Main.Rows.IsLabeled
            ? new DatasetSplit([.. Main.Rows.Features, .. Test.Rows.Features], [.. Main.Rows.Labels, .. Test.Rows.Labels], width)
            : DatasetSplit.Unlabeled([.. Main.Rows.Features, .. Test.Rows.Features], width);
        return new LabeledSamples(Main.FeatureNames, Main.ClassNames, rows);
    }
}
