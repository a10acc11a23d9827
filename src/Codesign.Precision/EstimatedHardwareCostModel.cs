using Codesign.Core.Graph;
using Codesign.Core.Numerics;
using Codesign.Core.Spec;
using Codesign.Synthesis.Estimation;

namespace Codesign.Precision;

/// <summary>
/// LUTs or latency cycles of one dense layer, priced by the synthesis estimate: the layer's float weights quantized
/// to the candidate width (per-tensor power-of-two scale, as QAT starts from) become constant multipliers and adder
/// trees at the real accumulator width, so zero and power-of-two weights are as cheap here as in the estimate.
/// The incoming activation width sets the multiplier input width.
/// </summary>
public sealed class EstimatedHardwareCostModel : ILayerCostModel
{
    private readonly EstimatorSettings settings;
    private readonly bool latency;
    private readonly Dictionary<(int Layer, int WeightBits, int ActivationBits), double> costs = [];
    private readonly Lock gate = new();

    private EstimatedHardwareCostModel(EstimatorSettings settings, bool latency)
    {
        this.settings = settings;
        this.latency = latency;
    }

    public string Name => latency ? "latency_cycles" : "luts";

    public string Unit => latency ? "cycles" : "LUTs";

    public static EstimatedHardwareCostModel Luts(HlsSpec hls) => new(EstimatorSettings.From(hls), latency: false);

    public static EstimatedHardwareCostModel LatencyCycles(HlsSpec hls) => new(EstimatorSettings.From(hls), latency: true);

    public double LayerCost(int layerIndex, LayerDescription layer, int weightBits, int activationBits)
    {
        ArgumentNullException.ThrowIfNull(layer);
        lock (gate)
        {
            if (!costs.TryGetValue((layerIndex, weightBits, activationBits), out var cost))
            {
                cost = Estimate(layerIndex, layer, weightBits, activationBits);
                costs[(layerIndex, weightBits, activationBits)] = cost;
            }

            return cost;
        }
    }

    private double Estimate(int layerIndex, LayerDescription layer, int weightBits, int activationBits)
    {
        // The first layer reads the signed input; later ones read unsigned ReLU outputs of the same width.
        var input = new FixedPointFormat(layerIndex == 0, Math.Max(activationBits, layerIndex == 0 ? 2 : 1), 0);
        var maxAbs = layer.Weights.Length == 0 ? 0 : layer.Weights.Max(w => Math.Abs((double)w));
        var weight = FixedPointFormat.SignedForRange(maxAbs, weightBits);
        var codes = new long[layer.Weights.Length];
        for (var o = 0; o < layer.Outputs; o++)
        {
            for (var i = 0; i < layer.Inputs; i++)
            {
                codes[(i * layer.Outputs) + o] = weight.ToCode(layer.Weights[(o * layer.Inputs) + i]);
            }
        }

        var bias = new FixedPointFormat(true, 2, 2 - (input.FractionalBits + weight.FractionalBits));
        var graph = new QuantizedGraphBuilder("layer", "in", new TensorShape(layer.Inputs))
            .Quant("in_quant", input)
            .Dense(GraphNames.Identifier(layer.Name), layer.Inputs, layer.Outputs, weight, codes, bias, new long[layer.Outputs])
            .Relu("relu")
            .Build();
        var estimate = ResourceEstimator.Estimate(graph, settings);
        return latency ? estimate.Report.Latency.WorstCycles ?? 0 : estimate.Report.Resources.Lut ?? 0;
    }
}
