using Codesign.Core.Diagnostics;
using Codesign.Core.Spec;
using Codesign.Data;
using Codesign.Training.Float;

namespace Codesign.Training.Tests;

public class FloatTrainerTests
{
    private static FloatTrainingResult Train(TrainingSpec training, ModelSpec? model = null, DatasetSplit? train = null) =>
        FloatTrainer.Train(model ?? TrainingFixtures.Model(), training, TrainingFixtures.Data(600, train));

    [Fact]
    public void Same_spec_and_seed_give_bit_identical_weights()
    {
        var first = Train(TrainingFixtures.Training(seed: 11));
        var second = Train(TrainingFixtures.Training(seed: 11));

        Assert.Equal(first.Weights.Select(w => w.Name), second.Weights.Select(w => w.Name));
        for (var i = 0; i < first.Weights.Count; i++)
        {
            Assert.Equal(first.Weights[i].Values.Select(BitConverter.SingleToInt32Bits), second.Weights[i].Values.Select(BitConverter.SingleToInt32Bits));
        }

        Assert.Equal(first.History, second.History);
    }

    [Fact]
    public void Different_seed_gives_different_weights()
    {
        var first = Train(TrainingFixtures.Training(seed: 11));
        var second = Train(TrainingFixtures.Training(seed: 12));

        Assert.NotEqual(first.Weights[0].Values, second.Weights[0].Values);
    }

    [Fact]
    public void Weights_are_named_and_shaped_after_the_spec_layers()
    {
        var result = Train(TrainingFixtures.Training(epochs: 1));

        Assert.Equal(["dense_1.weight", "dense_1.bias", "dense_2.weight", "dense_2.bias"], result.Weights.Select(w => w.Name));
        Assert.Equal([8, 4], result.Weights[0].Shape);
        Assert.Equal([3, 8], result.Weights[2].Shape);
    }

    [Fact]
    public void Batch_norm_layers_contribute_their_parameters_and_running_statistics()
    {
        var result = Train(TrainingFixtures.Training(epochs: 1), TrainingFixtures.Model(batchNorm: true));

        Assert.Contains("dense_1.bn.running_mean", result.Weights.Select(w => w.Name));
        Assert.Contains("dense_1.bn.running_var", result.Weights.Select(w => w.Name));
    }

    [Fact]
    public void Training_learns_the_blobs_and_reports_every_epoch()
    {
        var reports = new List<EpochReport>();
        var result = FloatTrainer.Train(TrainingFixtures.Model(), TrainingFixtures.Training(epochs: 8), TrainingFixtures.Data(), reports.Add);

        Assert.Equal(Enumerable.Range(1, 8), reports.Select(r => r.Epoch));
        Assert.True(reports[^1].TrainLoss < reports[0].TrainLoss);
        Assert.InRange(result.Test.Accuracy, 0.8, 1.0);
        Assert.All(result.Test.RocAuc, auc => Assert.InRange(auc, 0.85, 1.0));
        Assert.Equal(300, result.Test.ConfusionMatrix.Sum(row => row.Sum()));
        Assert.Equal(reports[^1].ValidationAccuracy, result.Validation!.Accuracy);
    }

    [Fact]
    public void Diverging_training_stops_with_a_positioned_error()
    {
        var exploding = TrainingFixtures.Blobs(300, 1, scale: 1e30f);

        var exception = Assert.Throws<CodesignException>(() =>
            Train(TrainingFixtures.Training(learningRate: 10, optimizer: OptimizerKind.Sgd), train: exploding));

        var error = Assert.Single(exception.Diagnostics);
        Assert.Equal(DiagnosticCodes.TrainingDiverged, error.Code);
        Assert.Equal(20, error.Location.Line);
        Assert.Contains("training diverged in epoch 1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ScheduleKind.Constant, 7, 0.1)]
    [InlineData(ScheduleKind.Step, 0, 0.1)]
    [InlineData(ScheduleKind.Step, 9, 0.1)]
    [InlineData(ScheduleKind.Step, 10, 0.01)]
    [InlineData(ScheduleKind.Step, 25, 0.001)]
    [InlineData(ScheduleKind.Cosine, 0, 0.1)]
    [InlineData(ScheduleKind.Cosine, 10, 0.05)]
    public void Learning_rate_schedule_follows_the_spec(ScheduleKind kind, int epoch, double expected)
    {
        var training = TrainingFixtures.Training(epochs: 20, learningRate: 0.1) with { Schedule = new ScheduleSpec(kind, 10, 0.1) };

        Assert.Equal(expected, LearningRateSchedule.At(training, epoch), precision: 12);
    }
}
