using Codesign.Core.Spec;
using Codesign.Data.Randomness;

namespace Codesign.Data.Splitting;

/// <summary>
/// Divides rows into train, validation and test by a seeded shuffle, so a split is reproducible from the spec
/// alone. Shuffled order is kept inside each split: a source sorted by class would otherwise hand the trainer
/// long single-class runs.
/// </summary>
public static class DatasetSplitter
{
    // The split shuffle gets its own stream so it never coincides with a generator's stream under the same seed.
    private const ulong SplitStream = 0x5350_4C49_5400_0000UL;

    public static Dataset Split(LabeledSamples samples, SplitSpec split)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(split);
        var plan = SplitPlan.For(samples.RowCount, split);
        var order = ShuffledIndices(samples.RowCount, split.Seed);

        // Test first, then validation, then train: changing the validation fraction leaves the test set untouched.
        var test = Gather(samples.Rows, order.AsSpan(0, plan.TestRows));
        var validation = Gather(samples.Rows, order.AsSpan(plan.TestRows, plan.ValidationRows));
        var train = Gather(samples.Rows, order.AsSpan(plan.TestRows + plan.ValidationRows));
        return new Dataset(samples.FeatureNames, samples.ClassNames, train, validation, test);
    }

    /// <summary>
    /// Splits <paramref name="main"/> into train and validation only (the test fraction is ignored) and takes
    /// every row of <paramref name="test"/> as the test split, for sources whose test rows come from their own files.
    /// </summary>
    public static Dataset Split(LabeledSamples main, LabeledSamples test, SplitSpec split)
    {
        ArgumentNullException.ThrowIfNull(main);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(split);
        if (!test.FeatureNames.SequenceEqual(main.FeatureNames) || !test.ClassNames.SequenceEqual(main.ClassNames))
        {
            throw new ArgumentException("The test rows must have the same feature and class names as the main rows.", nameof(test));
        }

        var plan = SplitPlan.For(main.RowCount, split with { Test = 0 });
        var order = ShuffledIndices(main.RowCount, split.Seed);
        var validation = Gather(main.Rows, order.AsSpan(0, plan.ValidationRows));
        var train = Gather(main.Rows, order.AsSpan(plan.ValidationRows));

        // Shuffled like the other splits, so a prefix of the test split is as representative as the whole.
        var testRows = Gather(test.Rows, ShuffledIndices(test.RowCount, split.Seed));
        return new Dataset(main.FeatureNames, main.ClassNames, train, validation, testRows);
    }

    internal static int[] ShuffledIndices(int count, ulong seed)
    {
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        new Xoshiro256StarStar(seed, SplitStream).Shuffle(order.AsSpan());
        return order;
    }

    private static DatasetSplit Gather(DatasetSplit source, ReadOnlySpan<int> rows)
    {
        var width = source.FeatureCount;
        var features = new float[rows.Length * width];
        var labels = new int[source.IsLabeled ? rows.Length : 0];
        for (var i = 0; i < rows.Length; i++)
        {
            source.Row(rows[i]).CopyTo(features.AsSpan(i * width, width));
            if (source.IsLabeled)
            {
                labels[i] = source.Labels[rows[i]];
            }
        }

        return source.IsLabeled ? new DatasetSplit(features, labels, width) : DatasetSplit.Unlabeled(features, width);
    }
}
