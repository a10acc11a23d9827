namespace Codesign.Core.Graph;

/// <summary>
/// The one intermediate representation every stage after QAT reads: a chain of nodes over tensors with fixed-point
/// formats and integer weights. The QONNX writer, the integer reference executor and the HLS writer all take this
/// graph, so they cannot disagree about a format. Tensor shapes and formats are derived from the nodes, never
/// stored beside them; construction checks every rule and throws <see cref="InvalidGraphException"/>.
/// </summary>
public sealed class QuantizedGraph
{
    private readonly Dictionary<string, GraphTensor> tensors = new(StringComparer.Ordinal);

    public QuantizedGraph(string name, GraphTensor input, IReadOnlyList<GraphNode> nodes, string output)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(output);
        if (input.Format is not null)
        {
            throw new InvalidGraphException($"graph input '{input.Name}' carries real numbers; quantize it with a Quant node instead of giving it a format");
        }

        Name = name;
        Input = input;
        Nodes = nodes.ToArray();
        tensors.Add(input.Name, input);
        var nodeNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in Nodes)
        {
            if (!nodeNames.Add(node.Name))
            {
                throw new InvalidGraphException($"two nodes are named '{node.Name}'");
            }

            if (!tensors.TryGetValue(node.Input, out var source))
            {
                throw new InvalidGraphException($"node '{node.Name}' reads '{node.Input}', which no earlier node writes (nodes must be in execution order)");
            }

            if (tensors.ContainsKey(node.Output))
            {
                throw new InvalidGraphException($"node '{node.Name}' writes '{node.Output}', which already exists");
            }

            tensors.Add(node.Output, GraphInference.OutputOf(node, source));
        }

        if (!tensors.TryGetValue(output, out var result))
        {
            throw new InvalidGraphException($"graph output '{output}' is not written by any node");
        }

        if (result.Format is null)
        {
            throw new InvalidGraphException($"graph output '{output}' is not quantized");
        }

        Output = result;
    }

    public string Name { get; }

    public GraphTensor Input { get; }

    public GraphTensor Output { get; }

    public IReadOnlyList<GraphNode> Nodes { get; }

    public IReadOnlyDictionary<string, GraphTensor> Tensors => tensors;

    public GraphTensor Tensor(string name) => tensors[name];

    /// <summary>The tensor a node reads.</summary>
    public GraphTensor InputOf(GraphNode node) => tensors[node.Input];

    /// <summary>The tensor a node writes.</summary>
    public GraphTensor OutputOf(GraphNode node) => tensors[node.Output];
}
