using System.Buffers.Binary;
using Codesign.Core.Graph;
using Codesign.Core.Numerics;
using Codesign.Qonnx.Onnx;

namespace Codesign.Qonnx.Tests.Qcdq;

public sealed class QcdqWriterTests
{
    private static ModelProto Parse(QuantizedGraph graph) => ModelProto.Parser.ParseFrom(QcdqWriter.Write(graph));

    [Fact]
    public void Eight_bit_graphs_stay_at_ir_8_and_opset_13_and_sixteen_bit_ones_need_ir_10_and_opset_21()
    {
        var small = Parse(QcdqTestGraphs.JetTagger(sixteenBitInput: false));
        Assert.Equal(8, small.IrVersion);
        Assert.Equal(13, Assert.Single(small.OpsetImport).Version);
        var wide = Parse(QcdqTestGraphs.JetTagger(sixteenBitInput: true));
        Assert.Equal(10, wide.IrVersion);
        Assert.Equal(21, Assert.Single(wide.OpsetImport).Version);
        Assert.All([small, wide], model => Assert.Equal(string.Empty, model.OpsetImport[0].Domain));
        Assert.All(small.Graph.Node.Concat(wide.Graph.Node), node => Assert.Equal(string.Empty, node.Domain));
    }

    [Theory]
    [InlineData(true, 8, 2, "QuantizeLinear DequantizeLinear", TensorProto.Types.DataType.Int8)]
    [InlineData(true, 3, 0, "QuantizeLinear Clip DequantizeLinear", TensorProto.Types.DataType.Int8)]
    [InlineData(false, 6, 2, "QuantizeLinear Clip DequantizeLinear", TensorProto.Types.DataType.Uint8)]
    [InlineData(false, 11, 4, "Clip QuantizeLinear DequantizeLinear", TensorProto.Types.DataType.Uint16)]
    [InlineData(true, 16, 6, "QuantizeLinear DequantizeLinear", TensorProto.Types.DataType.Int16)]
    [InlineData(true, 20, 4, "Div Round Clip Mul", TensorProto.Types.DataType.Undefined)]
    public void Each_width_has_its_node_pattern_and_element_type(bool isSigned, int bits, int integerBits, string pattern, TensorProto.Types.DataType codes)
    {
        var format = new FixedPointFormat(isSigned, bits, integerBits);
        var graph = Parse(QcdqTestGraphs.SingleQuant(format)).Graph;

        Assert.Equal(pattern, string.Join(' ', graph.Node.Select(node => node.OpType)));
        Assert.Equal([(float)format.Lsb], Floats(Initializer(graph, "quant_scale")));
        var quantize = graph.Node.SingleOrDefault(node => node.OpType == "QuantizeLinear");
        if (quantize is not null)
        {
            var zeroPoint = Initializer(graph, quantize.Input[2]);
            Assert.Equal((int)codes, zeroPoint.DataType);
            Assert.Empty(zeroPoint.Dims);
            Assert.All(zeroPoint.RawData.ToByteArray(), b => Assert.Equal(0, b));
            Assert.Equal((int)codes, graph.ValueInfo.Single(value => value.Name == quantize.Output[0]).Type.TensorType.ElemType);
        }

        var clip = graph.Node.SingleOrDefault(node => node.OpType == "Clip");
        if (clip is not null && codes is TensorProto.Types.DataType.Int8 or TensorProto.Types.DataType.Uint8)
        {
            // The integer Clip narrows the element type's range to the format's codes.
            Assert.Equal(codes is TensorProto.Types.DataType.Int8 ? unchecked((byte)(sbyte)format.MinCode) : (byte)format.MinCode, Initializer(graph, clip.Input[1]).RawData[0]);
            Assert.Equal((byte)format.MaxCode, Initializer(graph, clip.Input[2]).RawData[0]);
        }
        else if (clip is not null)
        {
            // 9-16 bits clip the value before QuantizeLinear; 17-24 bits clip the rounded code.
            Assert.Equal([(float)(bits > 16 ? format.MinCode : format.MinValue)], Floats(Initializer(graph, clip.Input[1])));
            Assert.Equal([(float)(bits > 16 ? format.MaxCode : format.MaxValue)], Floats(Initializer(graph, clip.Input[2])));
        }
    }

    [Fact]
    public void Weights_are_integer_codes_and_biases_int32_on_the_product_grid()
    {
        var jet = QcdqTestGraphs.JetTagger(sixteenBitInput: false);
        var dense = jet.Nodes.OfType<DenseNode>().First();
        var graph = Parse(jet).Graph;

        var weight = Initializer(graph, "dense_1_weight_codes");
        Assert.Equal((int)TensorProto.Types.DataType.Int8, weight.DataType);
        Assert.Equal([16L, 64L], weight.Dims);
        Assert.Equal(dense.WeightCodes, weight.RawData.ToByteArray().Select(b => (long)(sbyte)b));
        Assert.Equal([(float)dense.WeightFormat.Lsb], Floats(Initializer(graph, "dense_1_weight_scale")));

        // The bias's scale is input LSB × weight LSB and its codes are shifted onto that grid.
        var input = jet.InputOf(dense).Format!.Value;
        var bias = Initializer(graph, "dense_1_bias_codes");
        Assert.Equal((int)TensorProto.Types.DataType.Int32, bias.DataType);
        Assert.Equal([(float)(input.Lsb * dense.WeightFormat.Lsb)], Floats(Initializer(graph, "dense_1_bias_scale")));
        var shift = input.FractionalBits + dense.WeightFormat.FractionalBits - dense.BiasFormat.FractionalBits;
        Assert.Equal(dense.BiasCodes.Select(code => code << shift), Int32s(bias));
        Assert.Equal(["global_in_quantized", "dense_1_weight"], graph.Node.Single(node => node.Name == "dense_1_matmul").Input);
        Assert.Equal(["dense_1_matmul_out", "dense_1_bias"], graph.Node.Single(node => node.Name == "dense_1_add").Input);
    }

    [Fact]
    public void A_bias_finer_than_the_products_moves_the_weights_onto_its_grid()
    {
        var fine = QcdqTestGraphs.FineBias();
        var dense = fine.Nodes.OfType<DenseNode>().Single();
        var graph = Parse(fine).Graph;

        // Products have 4 + 2 fractional bits, the bias 10: weight codes × 16 on a 2^-6 scale, still int8.
        Assert.Equal([(float)Math.ScaleB(1, -6)], Floats(Initializer(graph, "dense_1_weight_scale")));
        Assert.Equal(dense.WeightCodes.Select(code => code << 4), Initializer(graph, "dense_1_weight_codes").RawData.ToByteArray().Select(b => (long)(sbyte)b));
        Assert.Equal([(float)Math.ScaleB(1, -10)], Floats(Initializer(graph, "dense_1_bias_scale")));
        Assert.Equal(dense.BiasCodes, Int32s(Initializer(graph, "dense_1_bias_codes")));
    }

    [Fact]
    public void Conv_runs_nchw_between_transposes_with_oihw_weights()
    {
        var conv = QcdqTestGraphs.SmallConv();
        var node = conv.Nodes.OfType<Conv2dNode>().Single();
        var graph = Parse(conv).Graph;

        Assert.Equal(
            "Transpose:global_in_quantized>conv_1_nchw_in Conv:conv_1_nchw_in>conv_1_nchw_out Transpose:conv_1_nchw_out>conv_1_out",
            string.Join(' ', graph.Node.Where(n => n.OpType is "Transpose" or "Conv").Select(n => $"{n.OpType}:{n.Input[0]}>{n.Output[0]}")));
        Assert.Equal([0L, 3L, 1L, 2L], graph.Node.Single(n => n.Name == "conv_1_to_nchw").Attribute.Single().Ints);
        Assert.Equal([0L, 2L, 3L, 1L], graph.Node.Single(n => n.Name == "conv_1_to_nhwc").Attribute.Single().Ints);
        Assert.Equal(["N", "8", "4", "4"], Shape(graph.ValueInfo.Single(v => v.Name == "conv_1_nchw_out")));
        Assert.Equal(["N", "4", "4", "8"], Shape(graph.ValueInfo.Single(v => v.Name == "conv_1_out")));
        Assert.Equal(["N", "8", "8", "1"], Shape(Assert.Single(graph.Input)));

        // OIHW [8, 1, 3, 3]: weight [co=5, ci=0, ky=1, kx=2] is HWIO [ky=1, kx=2, ci=0, co=5].
        var weight = Initializer(graph, "conv_1_weight_codes");
        Assert.Equal([8L, 1L, 3L, 3L], weight.Dims);
        Assert.Equal(node.WeightCodes[((((1 * 3) + 2) * 1) + 0) * 8 + 5], (sbyte)weight.RawData[(5 * 9) + (1 * 3) + 2]);
    }

    [Fact]
    public void Doc_string_names_the_layers_whose_float32_sums_can_round()
    {
        Assert.Contains("Float32 MatMul/Conv sums can round (accumulation wider than 24 significant bits) in: dense_1 (", Parse(QcdqTestGraphs.JetTagger(sixteenBitInput: true)).DocString, StringComparison.Ordinal);
        Assert.Contains("float32 execution is bit-exact", Parse(QcdqTestGraphs.JetTagger(sixteenBitInput: false)).DocString, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_writes_give_identical_bytes_and_the_file_matches()
    {
        foreach (var build in new Func<QuantizedGraph>[] { () => QcdqTestGraphs.JetTagger(sixteenBitInput: true), () => QcdqTestGraphs.SmallConv(twelveBitOutput: true) })
        {
            var first = QcdqWriter.Write(build());
            Assert.Equal(first, QcdqWriter.Write(build()));
            var directory = Directory.CreateTempSubdirectory("qcdq-writer-");
            try
            {
                var path = Path.Combine(directory.FullName, "model.onnx");
                QcdqWriter.Write(build(), path);
                QcdqWriter.Write(build(), path);
                Assert.Equal(first, File.ReadAllBytes(path));
                Assert.Single(directory.GetFiles());
            }
            finally
            {
                directory.Delete(recursive: true);
            }
        }
    }

    public static TheoryData<string> CheckableGraphs => new() { "jet_tagger_8", "small_conv", "fine_bias" };

    /// <summary>
    /// Only graphs whose activations fit 8 bits: they are IR 8 / opset 13, which Debian's onnx 1.12 (IR 8, opset 17)
    /// checks. The 16-bit ones are IR 10 / opset 21, newer than that checker knows; ONNX Runtime loads them instead.
    /// </summary>
    [Theory]
    [MemberData(nameof(CheckableGraphs))]
    public void Onnx_checker_accepts_the_written_model_with_full_check(string name)
    {
        var python = PythonOnnx.Require();
        var graph = name switch
        {
            "jet_tagger_8" => QcdqTestGraphs.JetTagger(sixteenBitInput: false),
            "small_conv" => QcdqTestGraphs.SmallConv(),
            _ => QcdqTestGraphs.FineBias(),
        };
        var directory = Directory.CreateTempSubdirectory("qcdq-checker-");
        try
        {
            var path = Path.Combine(directory.FullName, name + ".onnx");
            QcdqWriter.Write(graph, path);

            // full_check also runs strict shape and type inference against every value_info we declared.
            var (exitCode, output) = PythonOnnx.Run(python, "-c", "import onnx,sys; m=onnx.load(sys.argv[1]); onnx.checker.check_model(m, full_check=True)", path);
            Assert.True(exitCode == 0, $"onnx.checker.check_model ({python}) rejected {name}:\n{output}");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static TensorProto Initializer(GraphProto graph, string name) => graph.Initializer.Single(tensor => tensor.Name == name);

    private static float[] Floats(TensorProto tensor)
    {
        Assert.Equal((int)TensorProto.Types.DataType.Float, tensor.DataType);
        var bytes = tensor.RawData.Span;
        return Enumerable.Range(0, bytes.Length / sizeof(float)).Select(i => BinaryPrimitives.ReadSingleLittleEndian(tensor.RawData.Span[(i * sizeof(float))..])).ToArray();
    }

    private static long[] Int32s(TensorProto tensor) =>
        Enumerable.Range(0, tensor.RawData.Length / sizeof(int)).Select(i => (long)BinaryPrimitives.ReadInt32LittleEndian(tensor.RawData.Span[(i * sizeof(int))..])).ToArray();

    private static string[] Shape(ValueInfoProto value) =>
        value.Type.TensorType.Shape.Dim.Select(dimension => dimension.HasDimParam ? dimension.DimParam : dimension.DimValue.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
