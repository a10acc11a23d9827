using Codesign.Qonnx.Onnx;
using Google.Protobuf;

namespace Codesign.Qonnx.Tests.Reading;

/// <summary>
/// Mutations that keep the protobuf well-formed but change what it means: dims, attribute values, wiring, op
/// types, raw data and shapes. They reach the graph checks, the reader's recognition and the executor's kernels,
/// which byte-level mutations mostly cannot get past the parser to.
/// </summary>
internal static class StructuralMutation
{
    private static readonly string[] OpTypes = ["Relu", "Add", "Mul", "MatMul", "Gemm", "Flatten", "Reshape", "Transpose", "Identity", "Softmax", "Conv", "Quant", "Sigmoid"];

    private static readonly long[] Sizes = [-2, -1, 0, 1, 2, 3, 7, 64, 1L << 20, 1L << 31, 1L << 40, long.MaxValue];

    public static void Apply(ModelProto model, Random random)
    {
        var graph = model.Graph;
        var edits = random.Next(1, 4);
        for (var edit = 0; edit < edits; edit++)
        {
            var node = graph.Node[random.Next(graph.Node.Count)];
            var tensor = graph.Initializer[random.Next(graph.Initializer.Count)];
            switch (random.Next(10))
            {
                case 0:
                    tensor.Dims.Clear();
                    tensor.Dims.AddRange(Enumerable.Range(0, random.Next(0, 4)).Select(_ => Pick(random)));
                    break;
                case 1:
                    tensor.RawData = ByteString.CopyFrom(Bytes(random, random.Next(0, 64)));
                    break;
                case 2:
                    node.OpType = OpTypes[random.Next(OpTypes.Length)];
                    break;
                case 3:
                    if (node.Input.Count > 0)
                    {
                        var names = graph.Node.SelectMany(n => n.Output).Concat(graph.Initializer.Select(t => t.Name)).ToList();
                        node.Input[random.Next(node.Input.Count)] = names[random.Next(names.Count)];
                    }

                    break;
                case 4:
                    if (node.Attribute.Count > 0)
                    {
                        var attribute = node.Attribute[random.Next(node.Attribute.Count)];
                        attribute.I = Pick(random);
                        if (attribute.Ints.Count > 0)
                        {
                            attribute.Ints[random.Next(attribute.Ints.Count)] = Pick(random);
                        }
                    }

                    break;
                case 5:
                    node.Attribute.Add(new AttributeProto { Name = random.Next(2) == 0 ? "axis" : "perm", Type = AttributeProto.Types.AttributeType.Ints, Ints = { Pick(random), Pick(random) } });
                    break;
                case 6:
                    var dims = graph.Input[0].Type.TensorType.Shape.Dim;
                    dims[random.Next(dims.Count)].DimValue = Pick(random);
                    break;
                case 7:
                    tensor.DataType = random.Next(0, 17);
                    break;
                case 8:
                    // A scale, zero point or bit width with a surprising value.
                    var value = new[] { 0f, -1f, 0.3f, float.NaN, float.PositiveInfinity, 1e-30f, 65f, 2.5f }[random.Next(8)];
                    if (tensor.RawData.Length == 4)
                    {
                        tensor.RawData = ByteString.CopyFrom(BitConverter.GetBytes(value));
                    }

                    break;
                default:
                    graph.Node.Move(random.Next(graph.Node.Count), random.Next(graph.Node.Count));
                    break;
            }
        }
    }

    private static long Pick(Random random) => Sizes[random.Next(Sizes.Length)];

    private static byte[] Bytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static void Move<T>(this Google.Protobuf.Collections.RepeatedField<T> field, int from, int to)
    {
        var item = field[from];
        field.RemoveAt(from);
        field.Insert(to, item);
    }
}
