using Codesign.Core.Graph;
using Codesign.Core.Numerics;
using Codesign.Qonnx.Execution;
using Codesign.Qonnx.Onnx;

namespace Codesign.Qonnx.Reading;

/// <summary>
/// Walks a checked ONNX graph in execution order and rebuilds the <see cref="QuantizedGraph"/> it expresses, or
/// collects every reason it cannot. Constant subgraphs (a weight initializer and its Quant, Transposes, Reshapes)
/// are folded with the float executor's own kernels, so a weight means the same here as when the model runs in
/// float. The data path must be a chain from the graph input: Quant, MatMul(+Add) or Gemm, channels-last Conv,
/// Relu, Flatten/Reshape; Identity is skipped.
/// </summary>
internal sealed partial class QuantizedGraphRecognizer
{
    /// <summary>Enough reasons to fix a file; a fuzzed file can have thousands of nodes.</summary>
    private const int MaxReasons = 100;

    private readonly LoadedOnnxGraph graph;
    private readonly Dictionary<string, TensorState> states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> consumers = new(StringComparer.Ordinal);
    private readonly HashSet<string> reportedBranches = new(StringComparer.Ordinal);
    private readonly HashSet<string> names = new(StringComparer.Ordinal);
    private readonly List<GraphNode> nodes = [];
    private readonly List<string> reasons = [];

    private QuantizedGraphRecognizer(LoadedOnnxGraph graph)
    {
        this.graph = graph;
    }

    private abstract record TensorState;

    /// <summary>A value known before any input arrives; <see cref="Format"/> when a Quant node made it fixed-point.</summary>
    private sealed record ConstantState(OnnxTensor? Values, FixedPointFormat? Format, string Problem) : TensorState;

    /// <summary>A tensor of the IR's chain; <see cref="Fraction"/> is its fractional bits when known.</summary>
    private sealed record DataState(string IrName, TensorShape? Shape, int? Fraction) : TensorState;

    /// <summary>A MatMul's product, waiting to learn whether an Add with its bias follows.</summary>
    private sealed record PendingDenseState(DenseDraft Draft) : TensorState;

    /// <summary>Downstream of a node already reported as not representable: nothing more is said about it.</summary>
    private sealed record BrokenState : TensorState;

    private sealed record DenseDraft(string Name, string Input, int Inputs, int Units, FixedPointFormat WeightFormat, long[] WeightCodes, int? InputFraction, string Output);

    public static (QuantizedGraph? Graph, IReadOnlyList<string> Reasons) Recognize(LoadedOnnxGraph graph)
    {
        var recognizer = new QuantizedGraphRecognizer(graph);
        var result = recognizer.Run();
        return (result, recognizer.reasons.Count > MaxReasons ? recognizer.reasons.Take(MaxReasons).ToList() : recognizer.reasons);
    }

    private QuantizedGraph? Run()
    {
        foreach (var (name, values) in graph.Initializers)
        {
            states[name] = new ConstantState(values, null, $"initializer '{name}' has no Quant node");
        }

        foreach (var node in graph.Nodes)
        {
            foreach (var read in node.Proto.Input.Where(name => name.Length > 0).Distinct())
            {
                consumers[read] = consumers.GetValueOrDefault(read) + 1;
            }
        }

        var input = InputTensor();
        states[input.Name] = new DataState(input.Name, input.Shape, null);
        foreach (var node in graph.Nodes)
        {
            states[node.Output] = Visit(node);
        }

        var output = states[graph.Output] switch
        {
            PendingDenseState pending => Finish(pending.Draft),
            TensorState state => state,
        };
        switch (output)
        {
            case ConstantState:
                Reason($"graph output '{graph.Output}' is a constant");
                break;
            case DataState data when reasons.Count == 0:
                try
                {
                    return new QuantizedGraph(graph.Model.Graph.Name.Length > 0 ? graph.Model.Graph.Name : "model", input, nodes, data.IrName);
                }
                catch (Exception exception) when (exception is InvalidGraphException or ArgumentException)
                {
                    Reason(exception.Message);
                }

                break;
        }

        return null;
    }

    private GraphTensor InputTensor()
    {
        var value = graph.Input;
        var dims = value.Type?.TensorType?.Shape?.Dim;
        TensorShape? shape = null;
        if (dims is not null && dims.Count >= 2 && dims.Skip(1).All(dim => dim.ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue && dim.DimValue is >= 1 and <= OnnxTensor.MaxElements)
            && OnnxTensor.ElementCount(dims.Skip(1).Select(dim => dim.DimValue)) > 0)
        {
            shape = new TensorShape(dims.Skip(1).Select(dim => (int)dim.DimValue).ToArray());
        }
        else
        {
            Reason($"graph input '{value.Name}' has no static shape [batch, ...]");
        }

        return new GraphTensor(value.Name, shape ?? new TensorShape(1), null);
    }

    private TensorState Visit(LoadedNode node)
    {
        var inputs = Enumerable.Range(0, node.Proto.Input.Count).Select(node.InputAt).ToArray();
        if (inputs.Any(name => name is not null && states[name] is BrokenState))
        {
            return new BrokenState();
        }

        var data = inputs.Select((name, position) => (name, position))
            .Where(input => input.name is not null && states[input.name] is DataState or PendingDenseState)
            .ToList();
        if (data.Count == 0)
        {
            return Fold(node, inputs);
        }

        if (data.Count > 1)
        {
            return Broken($"{node.Label} combines the computed tensors {string.Join(" and ", data.Select(input => $"'{input.name}'"))}; the IR is a chain");
        }

        var (name, position) = (data[0].name!, data[0].position);
        if (consumers[name] > 1)
        {
            if (reportedBranches.Add(name))
            {
                Reason($"tensor '{name}' feeds {consumers[name]} nodes; the IR is a chain");
            }

            return new BrokenState();
        }

        var state = states[name];
        if (state is PendingDenseState pending)
        {
            if (node.Operator == OnnxOperator.Add)
            {
                return AddBias(node, pending.Draft, inputs[1 - position]!);
            }

            state = Finish(pending.Draft);
        }

        var source = (DataState)state;
        if (position != 0)
        {
            return Broken($"{node.Label} takes the computed tensor '{name}' as input {position}; the IR needs it as the first operand");
        }

        return node.Operator switch
        {
            OnnxOperator.Quant => QuantOnData(node, source),
            OnnxOperator.MatMul => MatMul(node, source),
            OnnxOperator.Gemm => Gemm(node, source),
            OnnxOperator.ConvChannelsLast => Conv(node, source),
            OnnxOperator.Conv => Broken($"{node.Label} is a channels-first Conv (default domain); the IR needs domain {OnnxOperators.ChannelsLastDomain} with OHWI weights (qonnx-to-channels-last converts)"),
            OnnxOperator.Relu => Emit(new ReluNode(UniqueName(node, node.Name), source.IrName, node.Output), source with { IrName = node.Output }),
            OnnxOperator.Flatten => Flatten(node, source),
            OnnxOperator.Reshape => Reshape(node, source),
            OnnxOperator.Identity => source,
            OnnxOperator.Add => Broken($"{node.Label} adds to '{name}', which is not the product of a MatMul; the IR has no standalone Add"),
            _ => Broken($"{node.Label} has no counterpart in the quantized IR"),
        };
    }

    /// <summary>A node on constants only: folded when cheap, so weights can pass through Quant, Transpose or Reshape.</summary>
    private ConstantState Fold(LoadedNode node, string?[] inputs)
    {
        var constants = inputs.Select(name => name is null ? null : (ConstantState)states[name]).ToArray();
        if (constants.FirstOrDefault(constant => constant is not null && constant.Values is null) is { } unknown)
        {
            return unknown;
        }

        if (node.Operator is OnnxOperator.MatMul or OnnxOperator.Gemm or OnnxOperator.Conv or OnnxOperator.ConvChannelsLast)
        {
            return new ConstantState(null, null, $"'{node.Output}' is computed from constants by {node.Label}; fold constants first (qonnx-cleanup)");
        }

        var values = OnnxFloatExecutor.Evaluate(graph, node, constants.Select(constant => constant?.Values).ToArray());
        var first = constants[0]!;
        switch (node.Operator)
        {
            case OnnxOperator.Quant:
                var attributes = QuantAttributes.Read(node, graph.Diagnostics);
                var bits = QuantAttributes.BitWidth(node, constants[3]!.Values!, graph.Diagnostics);
                var problems = new List<string>();
                var format = QuantFormats.Analyze(node, constants[1]!.Values!, constants[2]!.Values!, bits, attributes, onData: false, problems);
                return new ConstantState(values, format, string.Join("; ", problems));
            case OnnxOperator.Identity or OnnxOperator.Transpose or OnnxOperator.Reshape or OnnxOperator.Flatten:
                return first with { Values = values };
            default:
                return new ConstantState(values, null, $"'{node.Output}' is computed from constants by {node.Label} with no Quant node after it");
        }
    }

    private DataState Emit(GraphNode irNode, DataState result)
    {
        nodes.Add(irNode);
        return result;
    }

    private BrokenState Broken(string reason)
    {
        Reason(reason);
        return new BrokenState();
    }

    private void Reason(string reason) => reasons.Add(reason);

    /// <summary>The IR name for a node: what the file calls it (minus our writer's suffix), made unique.</summary>
    private string UniqueName(LoadedNode node, string preferred)
    {
        var name = preferred.Length > 0 ? preferred : $"{node.OpType}_{node.Index}";
        var unique = name;
        for (var suffix = 2; !names.Add(unique); suffix++)
        {
            unique = $"{name}_{suffix}";
        }

        return unique;
    }

    private static string WithoutSuffix(string name, string suffix) =>
        name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal) ? name[..^suffix.Length] : name;
}
