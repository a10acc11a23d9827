using Codesign.Core.Numerics;
using Codesign.Core.Quantized;
using Codesign.Core.Spec;
using Codesign.Training.Float;
using Codesign.Training.Quantization;

namespace Codesign.Training.Tests.Quantization;

public sealed class QatTrainerTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("codesign-qat-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static QatSpec Qat(int epochs = 3) => new(TrainingFixtures.Training(epochs: epochs, learningRate: 0.005), 1, 0.9, 0.999, default);

    private static QatResult TrainQuantized(int weightBits, ModelSpec? model = null, double rangeQuantile = 0.999)
    {
        model ??= TrainingFixtures.Model();
        var floatResult = FloatTrainer.Train(model, TrainingFixtures.Training(epochs: 6), TrainingFixtures.Data());
        var plan = QuantizationPlan.Uniform(model.Layers.Count, weightBits, weightBits + 3, 12, 16);
        return QatTrainer.Train(model, Qat() with { RangeQuantile = rangeQuantile }, plan, floatResult.Weights, TrainingFixtures.Data());
    }

    [Fact]
    public void Eight_bit_qat_keeps_the_accuracy_of_the_blobs()
    {
        var result = TrainQuantized(8);

        Assert.InRange(result.Test.Accuracy, 0.8, 1.0);
        Assert.Equal(3, result.History.Count);
    }

    [Fact]
    public void Qat_is_deterministic()
    {
        var first = TrainQuantized(6);
        var second = TrainQuantized(6);

        Assert.Equal(first.TestScores, second.TestScores);
        Assert.Equal(first.Model.Layers[0].Weights, second.Model.Layers[0].Weights);
    }

    [Fact]
    public void Snapshot_formats_follow_the_plan_and_the_numerics_rules()
    {
        var model = TrainQuantized(5).Model;

        Assert.True(model.InputFormat.IsSigned);
        Assert.Equal(12, model.InputFormat.TotalBits);
        var inputFormat = model.InputFormat;
        foreach (var layer in model.Layers)
        {
            Assert.Equal(5, layer.WeightFormat.TotalBits);
            Assert.All(layer.Weights, w => Assert.Equal(w, (float)layer.WeightFormat.Quantize(w)));
            // Biases sit on the accumulator grid: input LSB times weight LSB.
            Assert.Equal(inputFormat.FractionalBits + layer.WeightFormat.FractionalBits, layer.BiasFormat.FractionalBits);
            Assert.All(layer.Biases, b => Assert.Equal(b, (float)layer.BiasFormat.Quantize(b)));
            inputFormat = layer.OutputFormat;
        }

        Assert.False(model.Layers[0].OutputFormat.IsSigned); // after ReLU
        Assert.Equal(8, model.Layers[0].OutputFormat.TotalBits);
        Assert.True(model.OutputFormat.IsSigned);
        Assert.Equal(16, model.OutputFormat.TotalBits);
    }

    [Fact]
    public void Quantized_model_file_round_trips_and_is_byte_identical()
    {
        var model = TrainQuantized(4).Model;
        var path = Path.Combine(directory, "model.json");

        QuantizedModelFile.Write(path, model);
        var bytes = File.ReadAllBytes(path);
        var read = QuantizedModelFile.Read(path);
        QuantizedModelFile.Write(path, read);

        Assert.Equal(bytes, File.ReadAllBytes(path));
        Assert.Equal(model.InputFormat, read.InputFormat);
        Assert.Equal(model.Layers[1].Weights, read.Layers[1].Weights);
        Assert.Equal(model.Layers[1].BiasFormat, read.Layers[1].BiasFormat);
    }

    [Fact]
    public void Batch_norm_layers_are_folded_before_quantization()
    {
        var result = TrainQuantized(8, TrainingFixtures.Model(batchNorm: true));

        Assert.Equal(2, result.Model.Layers.Count);
        Assert.InRange(result.Test.Accuracy, 0.75, 1.0);
    }

    [Fact]
    public void Fewer_bits_cost_accuracy_only_gradually()
    {
        var eight = TrainQuantized(8).Test.Accuracy;
        var three = TrainQuantized(3).Test.Accuracy;

        Assert.True(three <= eight + 0.02, $"3-bit {three} vs 8-bit {eight}");
        Assert.InRange(three, 0.5, 1.0);
    }

    [Fact]
    public void A_range_quantile_below_one_never_widens_an_activation_format()
    {
        var maximum = TrainQuantized(6, rangeQuantile: 1.0).Model.Layers[0].OutputFormat;
        var median = TrainQuantized(6, rangeQuantile: 0.5).Model.Layers[0].OutputFormat;

        Assert.True(median.IntegerBits < maximum.IntegerBits, $"{median} vs {maximum}");
    }
}
