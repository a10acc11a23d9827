using Codesign.Training.Metrics;

namespace Codesign.Training.Tests;

public class ClassificationMetricsTests
{
    [Fact]
    public void Auc_matches_a_hand_computed_example()
    {
        // Positives score 0.35 and 0.8, negatives 0.1 and 0.4: 3 of the 4 pairs are ordered correctly.
        float[] scores = [0.9f, 0.1f, 0.6f, 0.4f, 0.65f, 0.35f, 0.2f, 0.8f];
        int[] labels = [0, 0, 1, 1];

        Assert.Equal(0.75, ClassificationMetrics.OneVsRestAuc(scores, labels, 2, 1), precision: 12);
    }

    [Fact]
    public void Tied_scores_count_one_half()
    {
        float[] scores = [0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f];
        int[] labels = [0, 1, 1];

        Assert.Equal(0.5, ClassificationMetrics.OneVsRestAuc(scores, labels, 2, 1), precision: 12);
    }

    [Fact]
    public void Perfect_and_inverted_rankings_give_one_and_zero()
    {
        float[] scores = [1f, 0f, 0f, 1f];
        int[] labels = [0, 1];

        Assert.Equal(1.0, ClassificationMetrics.OneVsRestAuc(scores, labels, 2, 1));
        Assert.Equal(1.0, ClassificationMetrics.OneVsRestAuc(scores, labels, 2, 0));
        Assert.Equal(0.0, ClassificationMetrics.OneVsRestAuc(scores, [1, 0], 2, 1));
    }

    [Fact]
    public void Auc_is_undefined_for_a_class_without_samples()
    {
        Assert.True(double.IsNaN(ClassificationMetrics.OneVsRestAuc([1f, 0f], [0], 2, 1)));
    }

    [Fact]
    public void Argmax_ties_go_to_the_first_class_as_in_torch()
    {
        Assert.Equal(1, ClassificationMetrics.ArgMax([0f, 2f, 2f, 1f]));
    }

    [Fact]
    public void Confusion_matrix_rows_are_true_classes()
    {
        float[] scores = [1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1];
        int[] labels = [0, 1, 2, 2];

        var metrics = ClassificationMetrics.Compute(scores, labels, ["x", "y", "z"]);

        Assert.Equal(0.75, metrics.Accuracy);
        Assert.Equal([1, 0, 0], metrics.ConfusionMatrix[0]);
        Assert.Equal([0, 1, 0], metrics.ConfusionMatrix[1]);
        Assert.Equal([0, 1, 1], metrics.ConfusionMatrix[2]);
    }
}
