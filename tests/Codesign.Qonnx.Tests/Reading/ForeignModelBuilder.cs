using Codesign.Qonnx.Onnx;
using Google.Protobuf;

namespace Codesign.Qonnx.Tests.Reading;

/// <summary>
/// Builds ModelProtos the way other producers write them, field by field, so tests can reproduce their habits
/// (Brevitas: domain <c>onnx.brevitas</c>, Gemm with transB=1, initializers repeated in graph.input, IR 6, opset 11).
/// </summary>
internal sealed class ForeignModelBuilder
{
    private readonly GraphProto graph = new() { Name = "torch_jit" };
    private readonly bool listInitializersAsInputs;

    public ForeignModelBuilder(bool listInitializersAsInputs = true)
    {
        this.listInitializersAsInputs = listInitializersAsInputs;
    }

    public ForeignModelBuilder Input(string name, params long[] dims)
    {
        graph.Input.Add(Value(name, dims));
        return this;
    }

    public ForeignModelBuilder Output(string name, params long[] dims)
    {
        graph.Output.Add(Value(name, dims));
        return this;
    }

    public ForeignModelBuilder Initializer(string name, long[] dims, float[] values)
    {
        graph.Initializer.Add(OnnxValues.FloatTensor(name, dims, values));
        if (listInitializersAsInputs)
        {
            graph.Input.Add(Value(name, dims));
        }

        return this;
    }

    /// <summary>A Quant with its own 0-d (or given-shape) scale, zero point and bit width, as Brevitas exports them.</summary>
    public ForeignModelBuilder Quant(string name, string input, string output, float[] scale, int bits, bool signed = true, bool narrow = false, string rounding = "ROUND", string domain = "onnx.brevitas", long[]? scaleDims = null)
    {
        Initializer(name + "_scale", scaleDims ?? [], scale);
        Initializer(name + "_zeropt", [], [0f]);
        Initializer(name + "_bitwidth", [], [bits]);
        var node = Node("Quant", name, [input, name + "_scale", name + "_zeropt", name + "_bitwidth"], output);
        node.Domain = domain;
        node.Attribute.Add(OnnxValues.Int("narrow", narrow ? 1 : 0));
        node.Attribute.Add(OnnxValues.String("rounding_mode", rounding));
        node.Attribute.Add(OnnxValues.Int("signed", signed ? 1 : 0));
        return this;
    }

    public NodeProto Node(string opType, string name, string[] inputs, string output, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = name };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        graph.Node.Add(node);
        return node;
    }

    public ForeignModelBuilder Add(string opType, string name, string[] inputs, string output, params AttributeProto[] attributes)
    {
        Node(opType, name, inputs, output, attributes);
        return this;
    }

    public ModelProto Build(long irVersion = 6, long opset = 11, string quantDomain = "onnx.brevitas")
    {
        var model = new ModelProto { IrVersion = irVersion, ProducerName = "pytorch", ProducerVersion = "1.12.1", Graph = graph.Clone() };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = opset });
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = quantDomain, Version = 1 });
        return model;
    }

    public byte[] Bytes() => Build().ToByteArray();

    private static ValueInfoProto Value(string name, long[] dims) => OnnxValues.Fixed(name, dims);
}
