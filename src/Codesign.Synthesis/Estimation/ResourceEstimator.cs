using System.Reflection;
using Codesign.Core.Graph;
using Codesign.Core.Numerics;
using Codesign.Core.Spec;

namespace Codesign.Synthesis.Estimation;

/// <summary>
/// Estimates LUT, FF and DSP use and the latency in cycles of the HLS design for a <see cref="QuantizedGraph"/>
/// where Vitis HLS is not installed. Every figure follows from the graph's bit widths and actual weights through the
/// per-operator model of <see cref="EstimatorCosts"/> (docs/synthesis.md); the report says "estimate" so it is never
/// taken for a synthesis result.
/// </summary>
public static class ResourceEstimator
{
    public static ResourceEstimate Estimate(QuantizedGraph graph, EstimatorSettings settings, EstimatorCosts? costs = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(settings);
        costs ??= EstimatorCosts.UltraScalePlus;
        var usableNs = settings.ClockPeriodNs * costs.UsableClockFraction;
        var rows = new List<LayerEstimate>();
        var pipeline = new PipelineClock(usableNs);
        var interval = 1;
        foreach (var node in graph.Nodes)
        {
            var input = graph.InputOf(node);
            var output = graph.OutputOf(node);
            switch (node)
            {
                case DenseNode dense:
                    {
                        var reuse = Reuse(settings, dense.Name);
                        var cost = ArithmeticCost.Of(input.Format!.Value, output.Format!.Value, dense.WeightFormat, DenseTaps(dense), settings.Strategy, reuse, costs);
                        rows.Add(pipeline.StartLayer(dense.Name, "dense", cost, reuse, output.Shape.Size * output.Format!.Value.TotalBits));
                        interval = Math.Max(interval, reuse);
                        break;
                    }

                case Conv2dNode conv:
                    {
                        var reuse = Reuse(settings, conv.Name);
                        var cost = ArithmeticCost.Of(input.Format!.Value, output.Format!.Value, conv.WeightFormat, ConvTaps(conv, input.Shape), settings.Strategy, reuse, costs);
                        rows.Add(pipeline.StartLayer(conv.Name, "conv2d", cost, reuse, output.Shape.Size * output.Format!.Value.TotalBits));
                        interval = Math.Max(interval, reuse);
                        break;
                    }

                case SoftmaxNode softmax:
                    {
                        var cost = SoftmaxCost.Of(input.Format!.Value, softmax.Tables, output.Shape.Size, costs);
                        rows.Add(pipeline.StartLayer(softmax.Name, "softmax", cost, 1, output.Shape.Size * output.Format!.Value.TotalBits));
                        break;
                    }

                case ReluNode:
                    {
                        var bits = output.Format!.Value.TotalBits;
                        rows.Add(pipeline.Combinational(node.Name, "relu", (long)Math.Ceiling(output.Shape.Size * bits * costs.LutsPerReluBit), costs.LutLevelNs));
                        break;
                    }

                case QuantNode quant when input.Format is { } from:
                    {
                        var (luts, delay) = CastCost(from, quant.Format, output.Shape.Size, costs);
                        rows.Add(pipeline.Combinational(node.Name, "cast", luts, delay));
                        break;
                    }

                case QuantNode:
                    // The input Quant is the type of the input port: the data arrives already in that format.
                    rows.Add(pipeline.Free(node.Name, "input"));
                    break;
                case ReshapeNode:
                    rows.Add(pipeline.Free(node.Name, "reshape"));
                    break;
                default:
                    throw new NotSupportedException($"node '{node.Name}' ({node.GetType().Name}) has no cost model");
            }
        }

        var finished = pipeline.Finish(rows);
        var latency = finished.Sum(row => (long)row.LatencyCycles);
        var ioRegisters = (long)graph.Input.Shape.Size * graph.Nodes.OfType<QuantNode>().First().Format.TotalBits;
        var report = new SynthesisReport
        {
            Source = SynthesisReportSource.Estimate,
            TopName = settings.TopName,
            Part = settings.Part,
            ToolVersion = "codesign estimator " + typeof(ResourceEstimator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion,
            Clock = new ClockSummary(settings.ClockPeriodNs, settings.ClockPeriodNs * (1 - costs.UsableClockFraction), null),
            Latency = new LatencySummary(latency, latency, latency * settings.ClockPeriodNs, latency * settings.ClockPeriodNs, LatencyTimeBasis.CyclesTimesTargetClock, interval, interval),
            Resources = new ResourceCounts(
                finished.Sum(row => row.Lut),
                finished.Sum(row => row.Ff) + ioRegisters,
                finished.Sum(row => row.Dsp),
                0,
                0),
        };
        return new ResourceEstimate(finished, report);
    }

    private static int Reuse(EstimatorSettings settings, string layer) =>
        settings.Strategy == HlsStrategy.Resource ? Math.Max(1, settings.ReuseFactorOf(layer)) : 1;

    /// <summary>Per output: the nonzero weights that feed it (bias handled by the caller through the adder count).</summary>
    private static IEnumerable<OutputTaps> DenseTaps(DenseNode dense)
    {
        for (var o = 0; o < dense.Units; o++)
        {
            var weights = new List<long>(dense.Inputs);
            for (var i = 0; i < dense.Inputs; i++)
            {
                weights.Add(dense.WeightCodes[(i * dense.Units) + o]);
            }

            yield return new OutputTaps(weights, dense.BiasCodes[o] != 0, dense.Inputs);
        }
    }

    /// <summary>Per output pixel and channel: the weights whose taps fall inside the image (padding multiplies zeros, which cost nothing).</summary>
    private static IEnumerable<OutputTaps> ConvTaps(Conv2dNode conv, TensorShape inputShape)
    {
        var g = conv.Geometry;
        var outputShape = g.OutputShape(inputShape[0], inputShape[1]);
        for (var oy = 0; oy < outputShape[0]; oy++)
        {
            for (var ox = 0; ox < outputShape[1]; ox++)
            {
                for (var co = 0; co < g.OutChannels; co++)
                {
                    var weights = new List<long>(g.FanIn);
                    for (var ky = 0; ky < g.KernelHeight; ky++)
                    {
                        for (var kx = 0; kx < g.KernelWidth; kx++)
                        {
                            var iy = (oy * g.StrideHeight) - g.PadTop + ky;
                            var ix = (ox * g.StrideWidth) - g.PadLeft + kx;
                            if (iy < 0 || iy >= inputShape[0] || ix < 0 || ix >= inputShape[1])
                            {
                                continue;
                            }

                            for (var ci = 0; ci < g.InChannels; ci++)
                            {
                                weights.Add(conv.WeightCodes[(((((ky * g.KernelWidth) + kx) * g.InChannels) + ci) * g.OutChannels) + co]);
                            }
                        }
                    }

                    yield return new OutputTaps(weights, conv.BiasCodes[co] != 0, g.FanIn);
                }
            }
        }
    }

    /// <summary>A cast rounds when it drops fraction bits and saturates when the source range exceeds the target's.</summary>
    private static (long Luts, double DelayNs) CastCost(FixedPointFormat from, FixedPointFormat to, int elements, EstimatorCosts costs)
    {
        var rounds = from.FractionalBits > to.FractionalBits;
        var saturates = from.MaxValue > to.MaxValue || from.MinValue < to.MinValue;
        var perBit = (rounds ? costs.LutsPerRoundedBit : 0) + (saturates ? costs.LutsPerSaturatedBit : 0);
        var delay = (rounds ? costs.LutLevelNs + (to.TotalBits * costs.CarryNsPerBit) : 0) + (saturates ? costs.LutLevelNs : 0);
        return ((long)Math.Ceiling(elements * to.TotalBits * perBit), delay);
    }
}
