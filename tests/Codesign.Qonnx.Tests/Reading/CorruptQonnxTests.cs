using Codesign.Core.Diagnostics;
using Codesign.Qonnx.Execution;
using Codesign.Qonnx.Onnx;
using Codesign.Qonnx.Reading;
using Google.Protobuf;

namespace Codesign.Qonnx.Tests.Reading;

/// <summary>Malformed files fail with a CodesignException carrying the right code, pointing at the file and naming the culprit.</summary>
public sealed class CorruptQonnxTests
{
    private const string File = "bad.onnx";

    private static ModelProto ValidModel() => QonnxWriter.Build(ReadingTestGraphs.Mlp());

    private static CodesignException Rejected(string code, ModelProto model) => Rejected(code, model.ToByteArray());

    /// <summary>Both the reader and the float executor refuse the bytes with <paramref name="code"/>.</summary>
    private static CodesignException Rejected(string code, byte[] bytes)
    {
        var reader = Assert.Throws<CodesignException>(() => QonnxReader.Read(bytes, File));
        var executor = Assert.Throws<CodesignException>(() => OnnxFloatExecutor.Load(bytes, File));
        Assert.Equal(code, Assert.Single(reader.Diagnostics).Code);
        Assert.Equal(code, Assert.Single(executor.Diagnostics).Code);
        Assert.Equal(File, reader.Diagnostics[0].Location.File);
        Assert.False(reader.Diagnostics[0].Location.HasPosition);
        return reader;
    }

    [Fact]
    public void Every_truncation_inside_the_graph_is_malformed_and_later_ones_read_or_fail_cleanly()
    {
        var bytes = ValidModel().ToByteArray();
        var graphEnd = bytes.Length - ValidModel().OpsetImport.Sum(opset => CodedOutputStream.ComputeMessageSize(opset) + 1);
        for (var length = 0; length < bytes.Length; length++)
        {
            var truncated = bytes[..length];
            if (length < graphEnd)
            {
                var exception = Assert.Throws<CodesignException>(() => QonnxReader.Read(truncated, File));
                Assert.Equal(DiagnosticCodes.MalformedOnnx, exception.Diagnostics[0].Code);
            }
            else
            {
                // Cut inside the opset imports: either a clean parse of fewer imports or CSD0401.
                try
                {
                    Assert.True(QonnxReader.Read(truncated, File).IsRepresentable);
                }
                catch (CodesignException exception)
                {
                    Assert.Equal(DiagnosticCodes.MalformedOnnx, exception.Diagnostics[0].Code);
                }
            }
        }
    }

    [Fact]
    public void Random_bytes_are_rejected_with_a_codesign_exception()
    {
        var random = new Random(17);
        for (var i = 0; i < 300; i++)
        {
            var bytes = new byte[random.Next(0, 400)];
            random.NextBytes(bytes);
            var exception = Assert.Throws<CodesignException>(() => QonnxReader.Read(bytes, File));
            Assert.StartsWith("CSD040", exception.Diagnostics[0].Code, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Text_is_not_an_onnx_model() =>
        Assert.Contains("not", Rejected(DiagnosticCodes.MalformedOnnx, "hello, this is not a model"u8.ToArray()).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData(1L << 40)]
    [InlineData(-1L)]
    public void Absurd_dims_are_rejected_before_allocating(long dim)
    {
        var model = ValidModel();
        var weight = model.Graph.Initializer.Single(tensor => tensor.Name == "dense_1_weight");
        weight.Dims.Clear();
        weight.Dims.Add(dim);
        var exception = Rejected(dim < 0 ? DiagnosticCodes.InvalidOnnxGraph : DiagnosticCodes.OnnxTensorTooLarge, model);
        Assert.Contains("'dense_1_weight'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dims_whose_product_overflows_are_rejected()
    {
        var model = ValidModel();
        var weight = model.Graph.Initializer.Single(tensor => tensor.Name == "dense_1_weight");
        weight.Dims.Clear();
        weight.Dims.Add([1L << 20, 1L << 20, 1L << 20, 1L << 20]);
        Rejected(DiagnosticCodes.OnnxTensorTooLarge, model);
    }

    [Fact]
    public void Raw_data_that_does_not_match_the_dims_is_rejected()
    {
        var model = ValidModel();
        var weight = model.Graph.Initializer.Single(tensor => tensor.Name == "dense_1_weight");
        weight.RawData = ByteString.CopyFrom(new byte[12]);
        var exception = Rejected(DiagnosticCodes.OnnxTensorTooLarge, model);
        Assert.Contains("'dense_1_weight' has 12 bytes of raw_data; dims [3, 2] of FLOAT need 24", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_operator_is_rejected_naming_the_node()
    {
        var model = ValidModel();
        model.Graph.Node.Single(node => node.Name == "dense_1_relu").OpType = "LeakyRelu";
        var exception = Rejected(DiagnosticCodes.UnsupportedOnnxOperator, model);
        Assert.Contains("node 'dense_1_relu' (LeakyRelu) uses operator 'LeakyRelu' of domain 'ai.onnx'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cycle_is_rejected()
    {
        var model = ValidModel();
        var relu = model.Graph.Node.Single(node => node.Name == "dense_1_relu");
        var matmul = model.Graph.Node.Single(node => node.Name == "dense_1_matmul");
        matmul.Input[0] = relu.Output[0];
        var exception = Rejected(DiagnosticCodes.InvalidOnnxGraph, model);
        Assert.Contains("the nodes form a cycle", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'dense_1_matmul'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_reading_a_missing_tensor_is_rejected()
    {
        var model = ValidModel();
        model.Graph.Node.Single(node => node.Name == "dense_1_relu").Input[0] = "nowhere";
        var exception = Rejected(DiagnosticCodes.InvalidOnnxGraph, model);
        Assert.Contains("node 'dense_1_relu' (Relu) reads 'nowhere', which is no graph input, initializer or node output", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_nodes_writing_one_tensor_are_rejected()
    {
        var model = ValidModel();
        model.Graph.Node.Single(node => node.Name == "dense_1_relu").Output[0] = "dense_1_add_out";
        var exception = Rejected(DiagnosticCodes.InvalidOnnxGraph, model);
        Assert.Contains("tensor 'dense_1_add_out' is written by both node 'dense_1_add' (Add) and node 'dense_1_relu' (Relu)", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_overwriting_an_initializer_is_rejected()
    {
        var model = ValidModel();
        model.Graph.Node.Single(node => node.Name == "dense_1_relu").Output[0] = "dense_1_weight";
        Rejected(DiagnosticCodes.InvalidOnnxGraph, model);
    }

    [Fact]
    public void Wrong_number_of_inputs_is_rejected()
    {
        var model = ValidModel();
        model.Graph.Node.Single(node => node.Name == "global_in_quant").Input.RemoveAt(3);
        Assert.Contains("has 3 inputs; Quant takes 4", Rejected(DiagnosticCodes.InvalidOnnxGraph, model).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_graph_output_nothing_writes_is_rejected()
    {
        var model = ValidModel();
        model.Graph.Output[0].Name = "ghost";
        Rejected(DiagnosticCodes.InvalidOnnxGraph, model);
    }

    [Fact]
    public void A_model_without_a_graph_is_malformed() =>
        Rejected(DiagnosticCodes.MalformedOnnx, new ModelProto { IrVersion = 8 });

    [Fact]
    public void Unsupported_data_type_external_data_and_two_inputs_are_unsupported_features()
    {
        var typed = ValidModel();
        typed.Graph.Initializer.Single(tensor => tensor.Name == "dense_1_weight").DataType = (int)TensorProto.Types.DataType.Float16;
        Assert.Contains("FLOAT16", Rejected(DiagnosticCodes.UnsupportedOnnxFeature, typed).Message, StringComparison.Ordinal);

        var external = ValidModel();
        external.Graph.Initializer[0].DataLocation = TensorProto.Types.DataLocation.External;
        Rejected(DiagnosticCodes.UnsupportedOnnxFeature, external);

        var twoInputs = ValidModel();
        twoInputs.Graph.Input.Add(twoInputs.Graph.Input[0].Clone());
        twoInputs.Graph.Input[1].Name = "second";
        Rejected(DiagnosticCodes.UnsupportedOnnxFeature, twoInputs);
    }

    [Fact]
    public void Invalid_quant_attributes_are_rejected_naming_the_node()
    {
        var model = ValidModel();
        var quant = model.Graph.Node.Single(node => node.Name == "dense_1_output_quant");
        quant.Attribute.Single(attribute => attribute.Name == "rounding_mode").S = ByteString.CopyFromUtf8("STOCHASTIC");
        Assert.Contains("node 'dense_1_output_quant' (Quant): rounding_mode 'STOCHASTIC'", Rejected(DiagnosticCodes.UnsupportedOnnxFeature, model).Message, StringComparison.Ordinal);

        var bits = ValidModel();
        bits.Graph.Initializer.Single(tensor => tensor.Name == "dense_1_output_quant_bitwidth").RawData = ByteString.CopyFrom(BitConverter.GetBytes(2.5f));
        var exception = Assert.Throws<CodesignException>(() => QonnxReader.Read(bits.ToByteArray(), File));
        Assert.Equal(DiagnosticCodes.InvalidOnnxGraph, exception.Diagnostics[0].Code);
        Assert.Contains("bit width 2.5 is not an integer from 1 to 64", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_messages_hit_the_recursion_limit()
    {
        // An attribute holding a graph whose node holds a graph ... 200 levels deep.
        var inner = new GraphProto();
        for (var depth = 0; depth < 200; depth++)
        {
            var node = new NodeProto { OpType = "If" };
            node.Attribute.Add(new AttributeProto { Name = "then_branch", G = inner });
            inner = new GraphProto();
            inner.Node.Add(node);
        }

        Rejected(DiagnosticCodes.MalformedOnnx, new ModelProto { Graph = inner });
    }

    [Fact]
    public void Executor_rejects_a_reshape_that_does_not_fit_at_run_time()
    {
        var model = QonnxWriter.Build(ReadingTestGraphs.Cnn());
        var flatten = model.Graph.Node.Single(node => node.OpType == "Flatten");
        flatten.OpType = "Reshape";
        flatten.Attribute.Clear();
        model.Graph.Initializer.Add(OnnxValues.Int64Tensor("bad_shape", [-1, 100]));
        flatten.Input.Add("bad_shape");
        var executor = OnnxFloatExecutor.FromModel(model, File);
        var exception = Assert.Throws<CodesignException>(() => executor.Run(new float[64], 1));
        Assert.Equal(DiagnosticCodes.InvalidOnnxGraph, exception.Diagnostics[0].Code);
        Assert.Contains("node 'flatten' (Reshape): cannot reshape [1, 4, 4, 8] (128 elements) to [-1, 100]", exception.Message, StringComparison.Ordinal);
    }
}
