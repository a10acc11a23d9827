using Codesign.Core.Diagnostics;
using Codesign.Core.Spec;
using Codesign.Data;
using Codesign.Training.Float;
using Codesign.Training.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace Codesign.Training.Loop;

/// <summary>
/// The epoch loop float training and quantization-aware training share: seeded shuffling, the learning-rate
/// schedule, per-epoch validation and the divergence check. Callers hold <see cref="TorchProcessState.Gate"/>.
/// </summary>
internal static class SupervisedLoop
{
    private const int EvaluationBatch = 8192;

    public static List<EpochReport> Run(
        nn.Module<Tensor, Tensor> network,
        TrainingSpec training,
        Dataset data,
        Action<EpochReport>? progress,
        CancellationToken cancellation,
        Action<int>? beforeEpoch = null)
    {
        var (train, validation, classNames) = (data.Train, data.Validation, data.ClassNames);
        using var shuffle = new Generator(training.Seed);
        using var optimizer = CreateOptimizer(network, training);
        using var features = torch.tensor(train.Features, [train.RowCount, train.FeatureCount]).clone();
        using var labels = torch.tensor(train.Labels.Select(l => (long)l).ToArray(), ScalarType.Int64);
        var history = new List<EpochReport>(training.Epochs);
        for (var epoch = 0; epoch < training.Epochs; epoch++)
        {
            cancellation.ThrowIfCancellationRequested();
            beforeEpoch?.Invoke(epoch);
            var learningRate = LearningRateSchedule.At(training, epoch);
            foreach (var group in optimizer.ParamGroups)
            {
                group.LearningRate = learningRate;
            }

            var (trainLoss, trainAccuracy) = RunEpoch(network, optimizer, features, labels, training.BatchSize, shuffle);
            if (!double.IsFinite(trainLoss))
            {
                throw new CodesignException(DiagnosticCodes.TrainingDiverged, training.Location,
                    $"training diverged in epoch {epoch + 1} (loss is {trainLoss}); lower the learning rate (now {learningRate}) or check the data. Nothing was written.");
            }

            double? validationLoss = null;
            double? validationAccuracy = null;
            if (validation is { RowCount: > 0 })
            {
                var scores = Predict(network, validation, classNames.Length);
                validationLoss = CrossEntropy(scores, validation.Labels, classNames.Length);
                validationAccuracy = ClassificationMetrics.Compute(scores, validation.Labels, classNames).Accuracy;
            }

            var report = new EpochReport(epoch + 1, training.Epochs, learningRate, trainLoss, trainAccuracy, validationLoss, validationAccuracy);
            history.Add(report);
            progress?.Invoke(report);
        }

        return history;
    }

    /// <summary>The final scores: test outputs and metrics, and validation metrics when there is a validation split.</summary>
    public static (float[] TestScores, ClassificationMetrics Test, ClassificationMetrics? Validation) Evaluate(nn.Module<Tensor, Tensor> network, Dataset data)
    {
        var (test, validation, classNames) = (data.Test, data.Validation, data.ClassNames);
        var outputs = classNames.Length;
        var testScores = Predict(network, test, outputs);
        var validationMetrics = validation is { RowCount: > 0 }
            ? ClassificationMetrics.Compute(Predict(network, validation, outputs), validation.Labels, classNames)
            : null;
        return (testScores, ClassificationMetrics.Compute(testScores, test.Labels, classNames), validationMetrics);
    }

    /// <summary>Outputs for every row, row-major (rows x outputs), in evaluation mode.</summary>
    public static float[] Predict(nn.Module<Tensor, Tensor> network, DatasetSplit samples, int outputs)
    {
        network.eval();
        var result = new float[samples.RowCount * outputs];
        using var noGrad = torch.no_grad();
        for (var start = 0; start < samples.RowCount; start += EvaluationBatch)
        {
            using var scope = torch.NewDisposeScope();
            var count = Math.Min(EvaluationBatch, samples.RowCount - start);
            // clone(): a tensor over managed memory has arbitrary alignment, and CPU kernels pick their summation
            // order by alignment; libtorch's own allocation makes predictions bit-identical from run to run.
            var batch = torch.tensor(samples.Features.AsSpan(start * samples.FeatureCount, count * samples.FeatureCount).ToArray(), [count, samples.FeatureCount]).clone();
            network.forward(batch).data<float>().CopyTo(result.AsSpan(start * outputs, count * outputs));
        }

        return result;
    }

    private static (double Loss, double Accuracy) RunEpoch(nn.Module<Tensor, Tensor> network, optim.Optimizer optimizer, Tensor features, Tensor labels, int batchSize, Generator shuffle)
    {
        network.train();
        var rows = labels.shape[0];
        using var order = torch.randperm(rows, generator: shuffle);
        double lossSum = 0;
        long correct = 0;
        for (long start = 0; start < rows; start += batchSize)
        {
            using var scope = torch.NewDisposeScope();
            var count = Math.Min(batchSize, rows - start);
            var index = order.narrow(0, start, count);
            var x = features.index_select(0, index);
            var y = labels.index_select(0, index);
            optimizer.zero_grad();
            var logits = network.forward(x);
            var loss = nn.functional.cross_entropy(logits, y);
            loss.backward();
            optimizer.step();
            lossSum += loss.item<float>() * count;
            correct += logits.argmax(1).eq(y).sum().item<long>();
        }

        return (lossSum / rows, (double)correct / rows);
    }

    internal static optim.Optimizer CreateOptimizer(nn.Module<Tensor, Tensor> network, TrainingSpec training) => training.Optimizer switch
    {
        OptimizerKind.Sgd => optim.SGD(network.parameters(), training.LearningRate, momentum: training.Momentum, weight_decay: training.WeightDecay),
        _ => optim.Adam(network.parameters(), training.LearningRate, weight_decay: training.WeightDecay),
    };

    /// <summary>Mean softmax cross-entropy in double precision, computed from logits without torch.</summary>
    private static double CrossEntropy(float[] logits, int[] labels, int classes)
    {
        double total = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var row = logits.AsSpan(i * classes, classes);
            double max = row[ClassificationMetrics.ArgMax(row)];
            double sum = 0;
            foreach (var value in row)
            {
                sum += Math.Exp(value - max);
            }

            total += max + Math.Log(sum) - row[labels[i]];
        }

        return total / labels.Length;
    }
}
