namespace Codesign.Data.Tests;

internal static class Samples
{
    /// <summary>Rows whose first feature is the row index, so tests can tell which source row ended where.</summary>
    public static LabeledSamples Indexed(int rows, int featureCount = 3, int classCount = 2)
    {
        var features = new float[rows * featureCount];
        var labels = new int[rows];
        for (var row = 0; row < rows; row++)
        {
            features[row * featureCount] = row;
            for (var column = 1; column < featureCount; column++)
            {
                features[(row * featureCount) + column] = (row * column * 0.37f) + (column * 10);
            }

            labels[row] = row % classCount;
        }

        return new LabeledSamples(
            Enumerable.Range(0, featureCount).Select(i => $"f{i}").ToArray(),
            Enumerable.Range(0, classCount).Select(i => $"c{i}").ToArray(),
            new DatasetSplit(features, labels, featureCount));
    }

    public static int[] SourceRows(DatasetSplit split) =>
        Enumerable.Range(0, split.RowCount).Select(row => (int)split.Row(row)[0]).ToArray();
}
