using Codesign.Core.Diagnostics;
using Codesign.Core.Graph;
using Codesign.Core.Numerics;
using Codesign.Core.Spec;

namespace Codesign.Hls.Project;

/// <summary>
/// A graph laid out as an io_parallel HLS design: one <see cref="HlsLayer"/> per node, in execution order, with the
/// arrays and typedefs of the top function and the layout of a trace row (every node's output codes, in node order,
/// which is what <see cref="Qonnx.Execution.GraphExecutor.Trace"/> returns by tensor name).
/// </summary>
internal sealed class HlsDesign
{
    private HlsDesign(string name, HlsSettings settings, QuantizedGraph graph, IReadOnlyList<HlsLayer> layers)
    {
        Name = name;
        Settings = settings;
        Graph = graph;
        Layers = layers;
        TraceSize = layers.Sum(layer => layer.Size);
    }

    /// <summary>The project identifier: top function, file names, Tcl project name.</summary>
    public string Name { get; }

    public HlsSettings Settings { get; }

    public QuantizedGraph Graph { get; }

    public IReadOnlyList<HlsLayer> Layers { get; }

    public int InputSize => Graph.Input.Shape.Size;

    public int OutputSize => Graph.Output.Shape.Size;

    public FixedPointFormat OutputFormat => Graph.Output.Format!.Value;

    /// <summary>Codes in one trace row: the sizes of all node outputs added up.</summary>
    public int TraceSize { get; }

    public HlsLayer Last => Layers[^1];

    /// <summary>True when the last node only renames an array (a Reshape), so the top function copies it into <c>result</c>.</summary>
    public bool NeedsResultCopy => !Last.HasKernel;

    public static HlsDesign Create(QuantizedGraph graph, HlsSettings settings, SourceSpan location)
    {
        var name = HlsSettingsValidator.Validate(settings, graph, location);
        CheckShape(graph, location);
        var layers = new List<HlsLayer>();
        var offset = 0;
        for (var i = 0; i < graph.Nodes.Count; i++)
        {
            var node = graph.Nodes[i];
            var output = graph.OutputOf(node);
            var source = i == 0 ? null : layers[^1];
            var last = i == graph.Nodes.Count - 1;
            var kind = KindOf(node, i);
            var index = i + 1;
            var (array, type, size) = kind switch
            {
                HlsLayerKind.InputQuant => ("input", "input_t", "N_INPUT"),
                HlsLayerKind.Reshape => (source!.Array, source.Type, source.SizeConstant),
                _ when last => ("result", "result_t", "N_OUTPUT"),
                _ => ($"layer{index}_out", $"layer{index}_t", $"N_LAYER_{index}"),
            };
            var strategy = kind == HlsLayerKind.Dense ? settings.Strategy : HlsStrategy.Latency;
            var reuse = settings.LayerReuseFactors.TryGetValue(node.Name, out var own) ? own : settings.ReuseFactor;
            layers.Add(new HlsLayer(index, node, kind, array, type, size, output.Format!.Value, output.Shape.Size, source, offset, strategy, reuse));
            offset += output.Shape.Size;
        }

        return new HlsDesign(name, settings, graph, layers);
    }

    private static HlsLayerKind KindOf(GraphNode node, int position) => node switch
    {
        QuantNode when position == 0 => HlsLayerKind.InputQuant,
        QuantNode => HlsLayerKind.Quant,
        DenseNode => HlsLayerKind.Dense,
        Conv2dNode => HlsLayerKind.Conv2d,
        ReluNode => HlsLayerKind.Relu,
        SoftmaxNode => HlsLayerKind.Softmax,
        ReshapeNode => HlsLayerKind.Reshape,
        _ => throw new InvalidOperationException($"node kind {node.GetType().Name} has no HLS kernel"),
    };

    /// <summary>
    /// The writer emits one call per node in order, so the graph must be a chain that starts by quantizing its real
    /// input and ends at its output; and every weight must be a decimal literal that C++ reads back exactly.
    /// </summary>
    private static void CheckShape(QuantizedGraph graph, SourceSpan location)
    {
        var bag = new DiagnosticBag();
        if (graph.Nodes.Count == 0 || graph.Nodes[0] is not QuantNode)
        {
            bag.Error(DiagnosticCodes.UnsupportedHlsGraph, location, "the graph must start with a Quant node on its input: that Quant is the conversion into input_t");
        }

        var previous = graph.Input.Name;
        foreach (var node in graph.Nodes)
        {
            if (!string.Equals(node.Input, previous, StringComparison.Ordinal))
            {
                bag.Error(DiagnosticCodes.UnsupportedHlsGraph, location, $"node '{GraphNames.Identifier(node.Name)}' does not read the previous node's output; the HLS writer takes chains only");
            }

            previous = node.Output;
            var (weights, biases) = node switch
            {
                DenseNode dense => (dense.WeightCodes, dense.BiasCodes),
                Conv2dNode conv => (conv.WeightCodes, conv.BiasCodes),
                _ => ([], []),
            };
            if (weights.Concat(biases).Any(code => code <= -ExactDecimal.MaxExactCode || code >= ExactDecimal.MaxExactCode))
            {
                bag.Error(DiagnosticCodes.UnsupportedHlsGraph, location, $"layer '{GraphNames.Identifier(node.Name)}' has a weight or bias code beyond 2^53, which no double literal holds exactly");
            }
        }

        if (!string.Equals(graph.Output.Name, previous, StringComparison.Ordinal))
        {
            bag.Error(DiagnosticCodes.UnsupportedHlsGraph, location, "the graph output must be the last node's output");
        }

        bag.ThrowIfAny();
    }
}
