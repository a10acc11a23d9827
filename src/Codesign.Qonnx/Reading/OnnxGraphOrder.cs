using Codesign.Qonnx.Onnx;

namespace Codesign.Qonnx.Reading;

/// <summary>
/// Checks every node against the operator table and the tensors defined so far, then orders the nodes with Kahn's
/// algorithm. Producers often write nodes already sorted; ties go to the lower original index, so a sorted file
/// keeps its order exactly (and our own files round-trip byte for byte).
/// </summary>
internal static class OnnxGraphOrder
{
    public static IReadOnlyList<LoadedNode> Sort(GraphProto graph, IReadOnlyDictionary<string, OnnxTensor> initializers, string input, OnnxDiagnostics diagnostics)
    {
        var nodes = new List<LoadedNode>(graph.Node.Count);
        var producers = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < graph.Node.Count; index++)
        {
            var node = Check(graph.Node[index], index, diagnostics);
            var output = node.Output;
            if (output == input || initializers.ContainsKey(output))
            {
                throw diagnostics.Invalid($"{node.Label} writes '{output}', which is already a graph input or initializer");
            }

            if (producers.TryGetValue(output, out var other))
            {
                throw diagnostics.Invalid($"tensor '{output}' is written by both {nodes[other].Label} and {node.Label}");
            }

            producers.Add(output, index);
            nodes.Add(node);
        }

        // Edges producer → consumer; a node reading the same tensor twice still depends on its producer once.
        var dependents = new List<int>[nodes.Count];
        var pending = new int[nodes.Count];
        foreach (var node in nodes)
        {
            dependents[node.Index] = [];
        }

        foreach (var node in nodes)
        {
            var sources = new HashSet<int>();
            foreach (var name in node.Proto.Input.Where(name => name.Length > 0))
            {
                if (producers.TryGetValue(name, out var producer))
                {
                    sources.Add(producer);
                }
                else if (name != input && !initializers.ContainsKey(name))
                {
                    throw diagnostics.Invalid($"{node.Label} reads '{name}', which is no graph input, initializer or node output");
                }
            }

            foreach (var producer in sources)
            {
                dependents[producer].Add(node.Index);
            }

            pending[node.Index] = sources.Count;
        }

        var ready = new PriorityQueue<int, int>();
        foreach (var node in nodes.Where(node => pending[node.Index] == 0))
        {
            ready.Enqueue(node.Index, node.Index);
        }

        var order = new List<LoadedNode>(nodes.Count);
        while (ready.TryDequeue(out var index, out _))
        {
            order.Add(nodes[index]);
            foreach (var dependent in dependents[index])
            {
                if (--pending[dependent] == 0)
                {
                    ready.Enqueue(dependent, dependent);
                }
            }
        }

        if (order.Count < nodes.Count)
        {
            var stuck = nodes.Where(node => pending[node.Index] > 0).ToList();
            var shown = string.Join(", ", stuck.Take(5).Select(node => node.Label));
            throw diagnostics.Invalid($"the nodes form a cycle: {stuck.Count} nodes wait on each other ({shown}{(stuck.Count > 5 ? ", ..." : string.Empty)})");
        }

        return order;
    }

    private static LoadedNode Check(NodeProto proto, int index, OnnxDiagnostics diagnostics)
    {
        var label = LoadedNode.Describe(proto, index);
        var op = OnnxOperators.Resolve(proto)
            ?? throw diagnostics.UnsupportedOperator($"{label} uses operator '{proto.OpType}' of domain '{(proto.Domain.Length == 0 ? "ai.onnx" : proto.Domain)}', which is not supported (supported: Quant, MatMul, Gemm, Add, Mul, Relu, Conv, Flatten, Reshape, Transpose, Identity, Softmax)");
        var (required, optional) = OnnxOperators.Arity(op);
        var count = proto.Input.Count;
        if (count < required || count > required + optional)
        {
            throw diagnostics.Invalid($"{label} has {count} inputs; {proto.OpType} takes {(optional == 0 ? required.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{required} to {required + optional}")}");
        }

        for (var position = 0; position < required; position++)
        {
            if (proto.Input[position].Length == 0)
            {
                throw diagnostics.Invalid($"{label} leaves its required input {position} empty");
            }
        }

        if (proto.Output.Count != 1 || proto.Output[0].Length == 0)
        {
            throw diagnostics.Invalid($"{label} has {proto.Output.Count} outputs; one named output is expected");
        }

        return new LoadedNode(proto, op, index);
    }
}
