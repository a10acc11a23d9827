namespace Codesign.Training.Metrics;

/// <summary>The points of a one-vs-rest ROC curve: one per distinct score, tied scores taken together.</summary>
public static class RocCurve
{
    public static (double[] FalsePositiveRate, double[] TruePositiveRate) Of(ReadOnlySpan<float> scores, ReadOnlySpan<int> labels, int classes, int positiveClass)
    {
        var samples = labels.Length;
        var order = new (float Score, bool Positive)[samples];
        long positives = 0;
        for (var i = 0; i < samples; i++)
        {
            order[i] = (scores[(i * classes) + positiveClass], labels[i] == positiveClass);
            positives += order[i].Positive ? 1 : 0;
        }

        var negatives = samples - positives;
        Array.Sort(order, (a, b) => b.Score.CompareTo(a.Score));
        var falsePositive = new List<double> { 0 };
        var truePositive = new List<double> { 0 };
        long tp = 0;
        long fp = 0;
        for (var i = 0; i < samples; i++)
        {
            tp += order[i].Positive ? 1 : 0;
            fp += order[i].Positive ? 0 : 1;
            if (i == samples - 1 || order[i + 1].Score != order[i].Score)
            {
                falsePositive.Add(negatives == 0 ? 0 : (double)fp / negatives);
                truePositive.Add(positives == 0 ? 0 : (double)tp / positives);
            }
        }

        return (falsePositive.ToArray(), truePositive.ToArray());
    }
}
