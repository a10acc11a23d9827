namespace Codesign.Data.Summaries;

/// <summary>
/// The values of each feature split by class, for statistics and histograms. Unlabelled rows (HGCal modules) form
/// one group, named by <see cref="GroupNames"/>.
/// </summary>
public sealed class ClassColumns
{
    private readonly double[][][] values;

    private ClassColumns(double[][][] values, int[] counts)
    {
        this.values = values;
        Counts = counts;
    }

    public int[] Counts { get; }

    /// <summary>A fresh copy of one class's values of one feature (callers may sort it).</summary>
    public double[] Values(int classIndex, int featureIndex) => (double[])values[classIndex][featureIndex].Clone();

    /// <summary>The class names, or one group "all rows" for unlabelled samples.</summary>
    public static string[] GroupNames(LabeledSamples samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return samples.Rows.IsLabeled ? samples.ClassNames : ["all rows"];
    }

    public static ClassColumns Of(LabeledSamples samples)
    {
        var classes = GroupNames(samples).Length;
        var labeled = samples.Rows.IsLabeled;
        var features = samples.FeatureNames.Length;
        var counts = new int[classes];
        foreach (var label in samples.Rows.Labels)
        {
            counts[label]++;
        }

        if (!labeled)
        {
            counts[0] = samples.RowCount;
        }

        var values = new double[classes][][];
        for (var c = 0; c < classes; c++)
        {
            values[c] = new double[features][];
            for (var f = 0; f < features; f++)
            {
                values[c][f] = new double[counts[c]];
            }
        }

        var filled = new int[classes];
        for (var row = 0; row < samples.RowCount; row++)
        {
            var label = labeled ? samples.Rows.Labels[row] : 0;
            var source = samples.Rows.Row(row);
            for (var f = 0; f < features; f++)
            {
                values[label][f][filled[label]] = source[f];
            }

            filled[label]++;
        }

        return new ClassColumns(values, counts);
    }
}
