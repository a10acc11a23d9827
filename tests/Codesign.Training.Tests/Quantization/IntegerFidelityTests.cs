using Codesign.Data;
using Codesign.Core.Graph;
using Codesign.Qonnx.Execution;
using Codesign.Training.Float;
using Codesign.Training.Metrics;
using Codesign.Training.Quantization;

namespace Codesign.Training.Tests.Quantization;

/// <summary>
/// The fake-quantized TorchSharp model and the integer reference executor must agree. The first accumulates in
/// float32, the second exactly; at these widths every float32 sum is exact too (below 2^24 LSBs), so they must
/// agree bit for bit on every one of 100,000 samples, ties included.
/// </summary>
public class IntegerFidelityTests
{
    [Theory]
    [InlineData(8)]
    [InlineData(4)]
    public void Executor_matches_the_qat_model_bit_for_bit(int weightBits)
    {
        var model = TrainingFixtures.Model();
        var data = new Dataset(["f0", "f1", "f2", "f3"], TrainingFixtures.Classes, TrainingFixtures.Blobs(900, 1), TrainingFixtures.Blobs(90, 2), TrainingFixtures.Blobs(100_000, 4));
        var floatResult = FloatTrainer.Train(model, TrainingFixtures.Training(epochs: 6), data);
        var plan = QuantizationPlan.Uniform(model.Layers.Count, weightBits, weightBits + 3, 12, 16);
        var qat = QatTrainer.Train(model, new(TrainingFixtures.Training(epochs: 3, learningRate: 0.005), 1, 0.9, 0.999, default), plan, floatResult.Weights, data);

        var executor = GraphExecutor.Run(QuantizedModelGraph.Build(qat.Model, "blobs"), data.Test.Features, data.Test.RowCount);

        var lsb = qat.Model.OutputFormat.Lsb;
        var worst = executor.Zip(qat.TestScores, (a, b) => Math.Abs(a - b) / lsb).Max();
        var classes = TrainingFixtures.Classes.Length;
        var agreeing = Enumerable.Range(0, data.Test.RowCount).Count(row =>
            ClassificationMetrics.ArgMax(executor.AsSpan(row * classes, classes)) == ClassificationMetrics.ArgMax(qat.TestScores.AsSpan(row * classes, classes)));
        Assert.True(worst == 0, $"largest difference {worst} LSB");
        Assert.Equal(data.Test.RowCount, agreeing);
    }
}
