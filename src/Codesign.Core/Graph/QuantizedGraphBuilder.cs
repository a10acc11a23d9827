using Codesign.Core.Numerics;

namespace Codesign.Core.Graph;

/// <summary>
/// Builds a chain-shaped <see cref="QuantizedGraph"/> one node at a time; each method appends a node that reads the
/// previous node's output. Output tensor names default to <c>&lt;node&gt;_out</c>.
/// </summary>
public sealed class QuantizedGraphBuilder
{
    private readonly List<GraphNode> nodes = [];
    private readonly string name;
    private readonly GraphTensor input;

    public QuantizedGraphBuilder(string name, string inputName, TensorShape inputShape)
    {
        this.name = name;
        input = new GraphTensor(inputName, inputShape, null);
        Current = inputName;
    }

    /// <summary>The tensor the next node will read.</summary>
    public string Current { get; private set; }

    public QuantizedGraphBuilder Quant(string nodeName, FixedPointFormat format, string? output = null) =>
        Append(new QuantNode(nodeName, Current, output ?? nodeName + "_out", format));

    public QuantizedGraphBuilder Dense(string nodeName, int inputs, int units, FixedPointFormat weightFormat, long[] weightCodes, FixedPointFormat biasFormat, long[] biasCodes, string? output = null) =>
        Append(new DenseNode(nodeName, Current, output ?? nodeName + "_out", inputs, units, weightFormat, weightCodes, biasFormat, biasCodes));

    public QuantizedGraphBuilder Conv2d(string nodeName, Conv2dGeometry geometry, FixedPointFormat weightFormat, long[] weightCodes, FixedPointFormat biasFormat, long[] biasCodes, string? output = null) =>
        Append(new Conv2dNode(nodeName, Current, output ?? nodeName + "_out", geometry, weightFormat, weightCodes, biasFormat, biasCodes));

    public QuantizedGraphBuilder Relu(string nodeName, string? output = null) =>
        Append(new ReluNode(nodeName, Current, output ?? nodeName + "_out"));

    public QuantizedGraphBuilder Reshape(string nodeName, TensorShape shape, string? output = null) =>
        Append(new ReshapeNode(nodeName, Current, output ?? nodeName + "_out", shape));

    public QuantizedGraphBuilder Softmax(string nodeName, SoftmaxTables tables, string? output = null) =>
        Append(new SoftmaxNode(nodeName, Current, output ?? nodeName + "_out", tables));

    /// <summary>The graph whose output is the last node's output.</summary>
    public QuantizedGraph Build() => new(name, input, nodes, Current);

    private QuantizedGraphBuilder Append(GraphNode node)
    {
        nodes.Add(node);
        Current = node.Output;
        return this;
    }
}
