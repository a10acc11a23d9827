using Codesign.Qonnx.Onnx;

namespace Codesign.Qonnx.Reading;

/// <summary>
/// An ONNX model that passed every structural check both the reader and the float executor rely on: one graph
/// input and one output, decoded initializers, supported operators with the right number of inputs, every input
/// defined, every tensor written once, and the nodes in an execution order (Kahn's algorithm, so a cycle is an
/// error and no recursion depends on the file).
/// </summary>
internal sealed class LoadedOnnxGraph
{
    private LoadedOnnxGraph(ModelProto model, OnnxDiagnostics diagnostics, IReadOnlyDictionary<string, OnnxTensor> initializers, ValueInfoProto input, string output, IReadOnlyList<LoadedNode> nodes)
    {
        Model = model;
        Diagnostics = diagnostics;
        Initializers = initializers;
        Input = input;
        Output = output;
        Nodes = nodes;
        var opset = model.OpsetImport.FirstOrDefault(entry => entry.Domain.Length == 0 || entry.Domain == "ai.onnx");
        DefaultOpset = opset?.Version ?? 13;
    }

    public ModelProto Model { get; }

    public OnnxDiagnostics Diagnostics { get; }

    public IReadOnlyDictionary<string, OnnxTensor> Initializers { get; }

    /// <summary>The one graph input that is not an initializer (old exporters list initializers as inputs too).</summary>
    public ValueInfoProto Input { get; }

    public string InputName => Input.Name;

    public string Output { get; }

    /// <summary>The nodes in execution order.</summary>
    public IReadOnlyList<LoadedNode> Nodes { get; }

    /// <summary>The default-domain opset version; operators such as Softmax changed meaning across versions.</summary>
    public long DefaultOpset { get; }

    public static LoadedOnnxGraph Load(ModelProto model, OnnxDiagnostics diagnostics)
    {
        ArgumentNullException.ThrowIfNull(model);
        var graph = model.Graph ?? throw diagnostics.Malformed("not an ONNX model: it has no graph");
        var initializers = LoadInitializers(graph, diagnostics);
        var input = SingleInput(graph, initializers, diagnostics);
        if (graph.Output.Count != 1 || graph.Output[0].Name.Length == 0)
        {
            throw diagnostics.UnsupportedFeature($"the graph has {graph.Output.Count} outputs ({string.Join(", ", graph.Output.Select(o => $"'{o.Name}'"))}); exactly one named output is supported");
        }

        var nodes = OnnxGraphOrder.Sort(graph, initializers, input.Name, diagnostics);
        var output = graph.Output[0].Name;
        if (output != input.Name && !initializers.ContainsKey(output) && !nodes.Any(node => node.Output == output))
        {
            throw diagnostics.Invalid($"graph output '{output}' is not written by any node");
        }

        return new LoadedOnnxGraph(model, diagnostics, initializers, input, output, nodes);
    }

    private static Dictionary<string, OnnxTensor> LoadInitializers(GraphProto graph, OnnxDiagnostics diagnostics)
    {
        var initializers = new Dictionary<string, OnnxTensor>(StringComparer.Ordinal);
        long total = 0;
        foreach (var tensor in graph.Initializer)
        {
            if (tensor.Name.Length == 0)
            {
                throw diagnostics.Invalid($"initializer #{initializers.Count} has no name");
            }

            if (initializers.ContainsKey(tensor.Name))
            {
                throw diagnostics.Invalid($"two initializers are named '{tensor.Name}'");
            }

            // Checked on the dims before decoding, so the sum of many large tensors is refused before it is allocated.
            total += Math.Max(0, OnnxTensor.ElementCount(tensor.Dims));
            if (total > OnnxTensor.MaxElements)
            {
                throw diagnostics.TooLarge($"the initializers hold more than {OnnxTensor.MaxElements} elements in all (reached at '{tensor.Name}')");
            }

            initializers.Add(tensor.Name, OnnxTensorDecoder.Decode(tensor, diagnostics));
        }

        return initializers;
    }

    private static ValueInfoProto SingleInput(GraphProto graph, Dictionary<string, OnnxTensor> initializers, OnnxDiagnostics diagnostics)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in graph.Input)
        {
            if (!names.Add(value.Name))
            {
                throw diagnostics.Invalid($"two graph inputs are named '{value.Name}'");
            }
        }

        var inputs = graph.Input.Where(value => !initializers.ContainsKey(value.Name)).ToList();
        if (inputs.Count != 1 || inputs[0].Name.Length == 0)
        {
            throw diagnostics.UnsupportedFeature($"the graph has {inputs.Count} inputs that are not initializers ({string.Join(", ", inputs.Select(i => $"'{i.Name}'"))}); exactly one named input is supported");
        }

        var type = inputs[0].Type;
        if (type is not null && type.ValueCase == TypeProto.ValueOneofCase.TensorType
            && type.TensorType.ElemType is not ((int)TensorProto.Types.DataType.Undefined or (int)TensorProto.Types.DataType.Float or (int)TensorProto.Types.DataType.Double))
        {
            throw diagnostics.UnsupportedFeature($"graph input '{inputs[0].Name}' has element type {OnnxTensorDecoder.DataTypeName(type.TensorType.ElemType)}; FLOAT or DOUBLE is expected");
        }

        return inputs[0];
    }
}
