using Codesign.Core.Artifacts;
using Codesign.Core.Graph;
using Codesign.Core.Numerics;
using Codesign.Core.Quantized;
using Codesign.Core.Spec;
using Codesign.Training.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Codesign.Training.Quantization;

/// <summary>
/// The hardware part of a convolutional model with fixed-point quantization in the loop: per weighted layer (dense
/// or conv2d) y = q_a(act(q_x(x) ⊛ q_w(W) + q_b(b))) with the formats of <see cref="QuantizedMlp"/> (per-tensor
/// power-of-two weights, bias on the accumulator grid, unsigned activations after ReLU with ranges learned during
/// warm-up); flatten and reshape move elements only. Rows in and out are channels last.
/// <para>
/// Weights are quantized in float32, as in <see cref="QuantizedMlp"/>, but layers compute in float64: a convolution
/// of a 16-bit input sums products wider than float32's 24-bit mantissa, and float64 holds every such sum exactly,
/// as the integer executor's 64-bit accumulators do. The outputs therefore equal the executor's bit for bit.
/// </para>
/// </summary>
public sealed class QuantizedLayerChain : nn.Module<Tensor, Tensor>
{
    private readonly IReadOnlyList<LayerSpec> layers;
    private readonly QuantizationPlan plan;
    private readonly FixedPointFormat inputFormat;
    private readonly Dictionary<int, (Parameter Weight, Parameter Bias, int Slot)> weighted = [];
    private readonly ActivationRange[] ranges;
    private readonly double rangeQuantile;

    /// <param name="layers">The hardware layers, with shapes inferred by the spec reader.</param>
    /// <param name="plan">One <see cref="LayerPrecision"/> per weighted layer, in order.</param>
    /// <param name="floatWeights">Float weights named <c>&lt;layer&gt;.weight</c>, <c>&lt;layer&gt;.bias</c> in TorchSharp's layouts.</param>
    public QuantizedLayerChain(IReadOnlyList<LayerSpec> layers, QuantizationPlan plan, IReadOnlyList<NamedTensor> floatWeights, FixedPointFormat inputFormat, double rangeMomentum, double rangeQuantile = 1.0)
        : base("qchain")
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(floatWeights);
        this.layers = layers;
        this.plan = plan;
        this.inputFormat = inputFormat;
        var byName = floatWeights.ToDictionary(w => w.Name, StringComparer.Ordinal);
        var slot = 0;
        for (var i = 0; i < layers.Count; i++)
        {
            var layer = layers[i];
            if (layer.Kind is LayerKind.Flatten or LayerKind.Reshape)
            {
                continue;
            }

            if (layer.Kind is not (LayerKind.Dense or LayerKind.Conv2d) || layer.BatchNorm)
            {
                throw new NotSupportedException($"layer '{layer.Name}': the quantized chain supports dense and conv2d layers without batch_norm");
            }

            var w = byName[$"{layer.Name}.weight"];
            var b = byName[$"{layer.Name}.bias"];
            var weight = new Parameter(torch.tensor(w.Values, [.. w.Shape.Select(d => (long)d)]));
            var bias = new Parameter(torch.tensor(b.Values, [.. b.Shape.Select(d => (long)d)]));
            register_parameter($"{layer.Name}_weight", weight);
            register_parameter($"{layer.Name}_bias", bias);
            weighted[i] = (weight, bias, slot++);
        }

        if (slot != plan.Layers.Count)
        {
            throw new ArgumentException($"The plan has {plan.Layers.Count} layer widths for {slot} weighted layers.", nameof(plan));
        }

        ranges = [.. Enumerable.Range(0, slot).Select(_ => new ActivationRange(rangeMomentum))];
        this.rangeQuantile = rangeQuantile;
    }

    /// <summary>While true, training batches move the activation ranges; then they are frozen.</summary>
    public bool TrackRanges { get; set; } = true;

    public IReadOnlyList<ActivationRange> Ranges => ranges;

    public TensorShape OutputShape => layers[^1].OutputShape;

    /// <summary>Channels-last float32 rows in; the last layer's quantized outputs as channels-last float32 rows.</summary>
    public override Tensor forward(Tensor input)
    {
        var x = FakeQuantizer.Apply(input.to(ScalarType.Float64), inputFormat);
        var xFormat = inputFormat;
        x = ChannelsLast.ToNetwork(x, layers[0].InputShape);
        for (var i = 0; i < layers.Count; i++)
        {
            var layer = layers[i];
            if (!weighted.TryGetValue(i, out var parameters))
            {
                x = ChannelsLast.ToNetwork(ChannelsLast.ToRows(x, layer.InputShape), layer.OutputShape);
                continue;
            }

            var slot = parameters.Slot;
            var weightFormat = WeightFormat(slot, parameters.Weight);
            var biasFormat = BiasFormat(parameters.Bias, xFormat, weightFormat);
            var w = FakeQuantizer.Apply(parameters.Weight, weightFormat).to(ScalarType.Float64);
            var b = FakeQuantizer.Apply(parameters.Bias, biasFormat).to(ScalarType.Float64);
            var y = layer.Kind == LayerKind.Conv2d
                ? nn.functional.conv2d(x, w, b, strides: [layer.Convolution!.Stride, layer.Convolution.Stride], padding: [layer.Convolution.Padding, layer.Convolution.Padding])
                : x.matmul(w.t()) + b;
            y = LayerChain.Activate(y, layer.Activation);
            if (training && TrackRanges)
            {
                ranges[slot].Observe(HighQuantile(y));
            }

            xFormat = OutputFormat(slot, layer);
            x = FakeQuantizer.Apply(y, xFormat);
        }

        return ChannelsLast.ToRows(x, OutputShape).to(ScalarType.Float32);
    }

    /// <summary>Runs the ranges over data without training, so the first epoch starts from measured formats.</summary>
    public void CalibrateRanges(Tensor features) => RangeCalibration.Run(this, features);

    /// <summary>The chain as it stands, with every format fixed: what the export stages consume.</summary>
    public QuantizedModel Snapshot()
    {
        var result = new List<QuantizedLayer>();
        var xFormat = inputFormat;
        using var noGrad = torch.no_grad();
        for (var i = 0; i < layers.Count; i++)
        {
            if (!weighted.TryGetValue(i, out var parameters))
            {
                continue;
            }

            var layer = layers[i];
            var weightFormat = WeightFormat(parameters.Slot, parameters.Weight);
            var biasFormat = BiasFormat(parameters.Bias, xFormat, weightFormat);
            using var quantized = FakeQuantizer.Quantize(parameters.Weight.detach(), weightFormat);

            // TorchSharp keeps conv weights [out, in, kh, kw]; the graph wants [kh, kw, in, out].
            using var w = (layer.Kind == LayerKind.Conv2d ? quantized.permute(2, 3, 1, 0) : quantized).contiguous();
            using var b = FakeQuantizer.Quantize(parameters.Bias.detach(), biasFormat).contiguous();
            var outputFormat = OutputFormat(parameters.Slot, layer);
            var inputs = layer.Kind == LayerKind.Conv2d ? layer.InputShape[2] : layer.InputShape.Size;
            result.Add(new QuantizedLayer(layer.Name, inputs, layer.Units, layer.Activation, weightFormat, w.data<float>().ToArray(), biasFormat, b.data<float>().ToArray(), outputFormat)
            {
                Convolution = layer.Kind == LayerKind.Conv2d ? layer.Convolution!.Geometry(inputs, layer.Units) : null,
            });
            xFormat = outputFormat;
        }

        return new QuantizedModel(inputFormat, result) { InputShape = layers[0].InputShape };
    }

    private FixedPointFormat WeightFormat(int slot, Parameter weight) =>
        FixedPointFormat.SignedForRange(weight.detach().abs().max().item<float>(), plan.Layers[slot].WeightBits);

    /// <summary>Bias on the accumulator grid, with integer bits for its range: exact, as hls4ml's accumulator is.</summary>
    private static FixedPointFormat BiasFormat(Parameter bias, FixedPointFormat input, FixedPointFormat weight)
    {
        var fractional = input.FractionalBits + weight.FractionalBits;
        var integerBits = FixedPointFormat.SignedForRange(bias.detach().abs().max().item<float>(), 2).IntegerBits;
        return new FixedPointFormat(true, Math.Clamp(integerBits + fractional, 2, 62), integerBits);
    }

    /// <summary>Unsigned after ReLU, signed otherwise; the last layer takes the plan's output width.</summary>
    private FixedPointFormat OutputFormat(int slot, LayerSpec layer)
    {
        var bits = slot == ranges.Length - 1 ? plan.OutputBits : plan.Layers[slot].ActivationBits;
        var range = double.IsNaN(ranges[slot].Value) ? 1.0 : ranges[slot].Value;
        return layer.Activation == Activation.Relu
            ? FixedPointFormat.UnsignedForRange(range, bits)
            : FixedPointFormat.SignedForRange(range, bits);
    }

    private double HighQuantile(Tensor y)
    {
        using var flat = y.detach().abs().flatten();
        var k = Math.Clamp((long)Math.Ceiling(rangeQuantile * flat.shape[0]), 1, flat.shape[0]);
        var (values, indices) = flat.kthvalue(k, 0, false);
        using (values)
        using (indices)
        {
            return values.item<double>();
        }
    }
}
