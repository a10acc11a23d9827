using Codesign.Core.Artifacts;
using Codesign.Core.Diagnostics;
using Codesign.Core.Spec;
using Codesign.Data;
using Codesign.Training.Metrics;
using Codesign.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Codesign.Training.Float;

/// <summary>
/// Trains the float network. Same spec and seed give bit-identical weights: the seed fixes initialization and
/// the shuffling generator, and the thread count is pinned (a different count may reorder float sums).
/// </summary>
public static class FloatTrainer
{
    private const int EvaluationBatch = 8192;

    // libtorch's seed and thread count are process-wide: two trainings interleaved in one process would draw
    // from the same generator and lose their determinism, so trainings take turns.
    private static readonly Lock ProcessWideTorchState = new();

    public static FloatTrainingResult Train(
        ModelSpec model,
        TrainingSpec training,
        DatasetSplit train,
        DatasetSplit? validation,
        DatasetSplit test,
        IReadOnlyList<string> classNames,
        Action<EpochReport>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        lock (ProcessWideTorchState)
        {
            return TrainExclusively(model, training, train, validation, test, classNames, progress, cancellation);
        }
    }

    private static FloatTrainingResult TrainExclusively(
        ModelSpec model,
        TrainingSpec training,
        DatasetSplit train,
        DatasetSplit? validation,
        DatasetSplit test,
        IReadOnlyList<string> classNames,
        Action<EpochReport>? progress,
        CancellationToken cancellation)
    {
        torch.set_num_threads(training.Threads);
        torch.manual_seed(unchecked((long)training.Seed));
        using var shuffle = new Generator(training.Seed);
        using var network = new MlpNetwork(model);
        using var optimizer = CreateOptimizer(network, training);
        using var features = torch.tensor(train.Features, [train.RowCount, train.FeatureCount]).clone();
        using var labels = torch.tensor(train.Labels.Select(l => (long)l).ToArray(), ScalarType.Int64);

        var history = new List<EpochReport>(training.Epochs);
        for (var epoch = 0; epoch < training.Epochs; epoch++)
        {
            cancellation.ThrowIfCancellationRequested();
            var learningRate = LearningRateSchedule.At(training, epoch);
            foreach (var group in optimizer.ParamGroups)
            {
                group.LearningRate = learningRate;
            }

            var (trainLoss, trainAccuracy) = RunEpoch(network, optimizer, features, labels, training.BatchSize, shuffle);
            if (!double.IsFinite(trainLoss))
            {
                throw new CodesignException(DiagnosticCodes.TrainingDiverged, training.Location,
                    $"training diverged in epoch {epoch + 1} (loss is {trainLoss}); lower 'training.learning_rate' (now {learningRate}) or check the data. Nothing was written.");
            }

            double? validationLoss = null;
            double? validationAccuracy = null;
            if (validation is { RowCount: > 0 })
            {
                var scores = Predict(network, validation);
                validationLoss = CrossEntropy(scores, validation.Labels, classNames.Count);
                validationAccuracy = ClassificationMetrics.Compute(scores, validation.Labels, classNames).Accuracy;
            }

            var report = new EpochReport(epoch + 1, training.Epochs, learningRate, trainLoss, trainAccuracy, validationLoss, validationAccuracy);
            history.Add(report);
            progress?.Invoke(report);
        }

        var testMetrics = ClassificationMetrics.Compute(Predict(network, test), test.Labels, classNames);
        var validationMetrics = validation is { RowCount: > 0 } ? ClassificationMetrics.Compute(Predict(network, validation), validation.Labels, classNames) : null;
        var weights = network.NamedState()
            .Select(entry => new NamedTensor(entry.Name, entry.Tensor.shape.Select(d => (int)d).ToArray(), entry.Tensor.detach().contiguous().data<float>().ToArray()))
            .ToList();
        return new FloatTrainingResult(weights, history, testMetrics, validationMetrics);
    }

    /// <summary>Logits for every row, row-major (rows x classes), in evaluation mode.</summary>
    public static float[] Predict(MlpNetwork network, DatasetSplit samples)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(samples);
        network.eval();
        var outputs = network.Spec.Outputs;
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

    private static (double Loss, double Accuracy) RunEpoch(MlpNetwork network, optim.Optimizer optimizer, Tensor features, Tensor labels, int batchSize, Generator shuffle)
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

    private static optim.Optimizer CreateOptimizer(MlpNetwork network, TrainingSpec training) => training.Optimizer switch
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
