using Codesign.Core.Artifacts;
using Codesign.Core.Numerics;
using Codesign.Core.Quantized;
using Codesign.Core.Spec;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Codesign.Training.Quantization;

/// <summary>
/// The spec's network with fixed-point quantization in the loop. Each dense layer computes
/// y = q_a(act(q_x(x)·q_w(W)ᵀ + q_b(b))), where q_w uses a per-tensor power-of-two format from the current weight
/// range, q_b sits on the accumulator grid (input LSB × weight LSB, wide enough to be exact), and q_a is unsigned
/// after ReLU with its range learned during warm-up. These are the formats the QONNX and HLS stages reproduce.
/// </summary>
public sealed class QuantizedMlp : nn.Module<Tensor, Tensor>
{
    private readonly ModelSpec spec;
    private readonly QuantizationPlan plan;
    private readonly FixedPointFormat inputFormat;
    private readonly List<Parameter> weights = [];
    private readonly List<Parameter> biases = [];
    private readonly ActivationRange[] ranges;
    private readonly double rangeQuantile;

    public QuantizedMlp(ModelSpec spec, QuantizationPlan plan, IReadOnlyList<(float[] Weight, float[] Bias)> foldedLayers, FixedPointFormat inputFormat, double rangeMomentum, double rangeQuantile = 1.0)
        : base("qmlp")
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(foldedLayers);
        this.spec = spec;
        this.plan = plan;
        this.inputFormat = inputFormat;
        var inputs = spec.Inputs;
        for (var i = 0; i < spec.Layers.Count; i++)
        {
            var layer = spec.Layers[i];
            var weight = new Parameter(torch.tensor(foldedLayers[i].Weight, [layer.Units, inputs]));
            var bias = new Parameter(torch.tensor(foldedLayers[i].Bias, [layer.Units]));
            register_parameter($"{layer.Name}_weight", weight);
            register_parameter($"{layer.Name}_bias", bias);
            weights.Add(weight);
            biases.Add(bias);
            inputs = layer.Units;
        }

        ranges = spec.Layers.Select(_ => new ActivationRange(rangeMomentum)).ToArray();
        this.rangeQuantile = rangeQuantile;
    }

    /// <summary>While true, training batches move the activation ranges; then they are frozen.</summary>
    public bool TrackRanges { get; set; } = true;

    public IReadOnlyList<ActivationRange> Ranges => ranges;

    public override Tensor forward(Tensor input)
    {
        var x = FakeQuantizer.Apply(input, inputFormat);
        var xFormat = inputFormat;
        for (var i = 0; i < spec.Layers.Count; i++)
        {
            var layer = spec.Layers[i];
            var weightFormat = WeightFormat(i);
            var biasFormat = BiasFormat(i, xFormat, weightFormat);
            var y = x.matmul(FakeQuantizer.Apply(weights[i], weightFormat).t()) + FakeQuantizer.Apply(biases[i], biasFormat);
            if (layer.Activation == Activation.Relu)
            {
                y = nn.functional.relu(y);
            }

            if (training && TrackRanges)
            {
                ranges[i].Observe(HighQuantile(y));
            }

            xFormat = OutputFormat(i);
            x = FakeQuantizer.Apply(y, xFormat);
        }

        return x;
    }

    /// <summary>
    /// The batch's activation magnitude at <see cref="rangeQuantile"/>: a quantile below 1 lets the rare extreme
    /// activation saturate instead of costing every other one an integer bit of resolution.
    /// </summary>
    private double HighQuantile(Tensor y)
    {
        using var flat = y.detach().abs().flatten();
        var k = Math.Clamp((long)Math.Ceiling(rangeQuantile * flat.shape[0]), 1, flat.shape[0]);
        var (values, indices) = flat.kthvalue(k, 0, false);
        using (values)
        using (indices)
        {
            return values.item<float>();
        }
    }

    /// <summary>Runs the ranges over data without training, so the first epoch starts from measured formats.</summary>
    public void CalibrateRanges(Tensor features) => RangeCalibration.Run(this, features);

    /// <summary>The model as it stands, with every format fixed: what the export stages consume.</summary>
    public QuantizedModel Snapshot()
    {
        var layers = new List<QuantizedLayer>();
        var xFormat = inputFormat;
        var inputs = spec.Inputs;
        using var noGrad = torch.no_grad();
        for (var i = 0; i < spec.Layers.Count; i++)
        {
            var layer = spec.Layers[i];
            var weightFormat = WeightFormat(i);
            var biasFormat = BiasFormat(i, xFormat, weightFormat);
            using var w = FakeQuantizer.Quantize(weights[i].detach(), weightFormat).contiguous();
            using var b = FakeQuantizer.Quantize(biases[i].detach(), biasFormat).contiguous();
            var outputFormat = OutputFormat(i);
            layers.Add(new QuantizedLayer(layer.Name, inputs, layer.Units, layer.Activation, weightFormat, w.data<float>().ToArray(), biasFormat,
                b.data<float>().ToArray(), outputFormat));
            xFormat = outputFormat;
            inputs = layer.Units;
        }

        return new QuantizedModel(inputFormat, layers);
    }

    private FixedPointFormat WeightFormat(int layer)
    {
        var maxAbs = weights[layer].detach().abs().max().item<float>();
        return FixedPointFormat.SignedForRange(maxAbs, plan.Layers[layer].WeightBits);
    }

    /// <summary>Bias on the accumulator grid, with integer bits for its range: exact, as hls4ml's accumulator is.</summary>
    private FixedPointFormat BiasFormat(int layer, FixedPointFormat input, FixedPointFormat weight)
    {
        var fractional = input.FractionalBits + weight.FractionalBits;
        var maxAbs = biases[layer].detach().abs().max().item<float>();
        var integerBits = FixedPointFormat.SignedForRange(maxAbs, 2).IntegerBits;
        return new FixedPointFormat(true, Math.Clamp(integerBits + fractional, 2, 62), integerBits);
    }

    private FixedPointFormat OutputFormat(int layer)
    {
        var isLast = layer == spec.Layers.Count - 1;
        var bits = isLast ? plan.OutputBits : plan.Layers[layer].ActivationBits;
        var range = double.IsNaN(ranges[layer].Value) ? 1.0 : ranges[layer].Value;
        return spec.Layers[layer].Activation == Activation.Relu && !isLast
            ? FixedPointFormat.UnsignedForRange(range, bits)
            : FixedPointFormat.SignedForRange(range, bits);
    }

    /// <summary>Float weights in spec layer order, with any BatchNorm folded in.</summary>
    public static IReadOnlyList<(float[] Weight, float[] Bias)> FoldLayers(ModelSpec spec, IReadOnlyList<NamedTensor> floatWeights)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(floatWeights);
        var byName = floatWeights.ToDictionary(w => w.Name, w => w.Values, StringComparer.Ordinal);
        return spec.Layers.Select(layer =>
        {
            var weight = byName[$"{layer.Name}.weight"];
            var bias = byName[$"{layer.Name}.bias"];
            return layer.BatchNorm
                ? BatchNormFolding.Fold(weight, bias, byName[$"{layer.Name}.bn.weight"], byName[$"{layer.Name}.bn.bias"],
                    byName[$"{layer.Name}.bn.running_mean"], byName[$"{layer.Name}.bn.running_var"])
                : (weight, bias);
        }).ToList();
    }
}
