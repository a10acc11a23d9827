namespace Codesign.Training.Metrics;

/// <summary>
/// Accuracy, confusion matrix and one-vs-rest ROC AUC of a classifier on one data split. Pure C#: the QONNX and
/// HLS stages will score their integer outputs with the same code, so every stage's numbers are comparable.
/// </summary>
public sealed record ClassificationMetrics(
    int Samples,
    double Accuracy,
    IReadOnlyList<string> ClassNames,
    IReadOnlyList<IReadOnlyList<int>> ConfusionMatrix,
    IReadOnlyList<double> RocAuc)
{
    /// <summary>Scores are row-major (samples x classes); any monotone score works (logits or probabilities).</summary>
    public static ClassificationMetrics Compute(ReadOnlySpan<float> scores, ReadOnlySpan<int> labels, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        var classes = classNames.Count;
        var samples = labels.Length;
        if (scores.Length != samples * classes)
        {
            throw new ArgumentException($"expected {samples * classes} scores for {samples} samples and {classes} classes, got {scores.Length}");
        }

        var confusion = new int[classes][];
        for (var c = 0; c < classes; c++)
        {
            confusion[c] = new int[classes];
        }

        var correct = 0;
        for (var i = 0; i < samples; i++)
        {
            var predicted = ArgMax(scores.Slice(i * classes, classes));
            confusion[labels[i]][predicted]++;
            correct += predicted == labels[i] ? 1 : 0;
        }

        var auc = new double[classes];
        for (var c = 0; c < classes; c++)
        {
            auc[c] = OneVsRestAuc(scores, labels, classes, c);
        }

        return new ClassificationMetrics(samples, samples == 0 ? 0 : (double)correct / samples, classNames.ToArray(), confusion, auc);
    }

    /// <summary>The first maximum wins, as torch.argmax does, so ties resolve the same way in every stage.</summary>
    public static int ArgMax(ReadOnlySpan<float> row)
    {
        var best = 0;
        for (var j = 1; j < row.Length; j++)
        {
            if (row[j] > row[best])
            {
                best = j;
            }
        }

        return best;
    }

    /// <summary>
    /// AUC as the Mann-Whitney statistic: the probability that a random positive outscores a random negative,
    /// ties counted as one half. Exact, with no thresholds to choose.
    /// </summary>
    public static double OneVsRestAuc(ReadOnlySpan<float> scores, ReadOnlySpan<int> labels, int classes, int positiveClass)
    {
        var samples = labels.Length;
        var order = new (float Score, bool Positive)[samples];
        long positives = 0;
        for (var i = 0; i < samples; i++)
        {
            var positive = labels[i] == positiveClass;
            order[i] = (scores[(i * classes) + positiveClass], positive);
            positives += positive ? 1 : 0;
        }

        var negatives = samples - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        Array.Sort(order, (a, b) => a.Score.CompareTo(b.Score));
        double positiveRankSum = 0;
        var start = 0;
        while (start < samples)
        {
            var end = start;
            while (end + 1 < samples && order[end + 1].Score == order[start].Score)
            {
                end++;
            }

            // Tied scores share the mean of their 1-based ranks.
            var meanRank = ((start + 1) + (end + 1)) / 2.0;
            for (var k = start; k <= end; k++)
            {
                positiveRankSum += order[k].Positive ? meanRank : 0;
            }

            start = end + 1;
        }

        var u = positiveRankSum - (positives * (positives + 1) / 2.0);
        return u / ((double)positives * negatives);
    }
}
