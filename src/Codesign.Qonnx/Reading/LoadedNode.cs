using Codesign.Qonnx.Onnx;

namespace Codesign.Qonnx.Reading;

/// <summary>A node whose operator is resolved and whose inputs and output passed the graph checks.</summary>
internal sealed record LoadedNode(NodeProto Proto, OnnxOperator Operator, int Index)
{
    public string Name => Proto.Name;

    public string OpType => Proto.OpType;

    public string Output => Proto.Output[0];

    /// <summary>Input <paramref name="position"/>, or null when it is absent or "" (an omitted optional input).</summary>
    public string? InputAt(int position) =>
        position < Proto.Input.Count && Proto.Input[position].Length > 0 ? Proto.Input[position] : null;

    /// <summary>How messages name the node: its name, or its position when it has none.</summary>
    public string Label => Describe(Proto, Index);

    public static string Describe(NodeProto node, int index) =>
        node.Name.Length > 0 ? $"node '{node.Name}' ({node.OpType})" : $"node #{index} ({node.OpType})";
}
