namespace Codesign.Data.Summaries;

/// <summary>The values of each feature split by class, for statistics and histograms.</summary>
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

    public static ClassColumns Of(LabeledSamples samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var classes = samples.ClassNames.Length;
        var features = samples.FeatureNames.Length;
        var counts = new int[classes];
        foreach (var label in samples.Rows.Labels)
        {
            counts[label]++;
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
            var label = samples.Rows.Labels[row];
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
