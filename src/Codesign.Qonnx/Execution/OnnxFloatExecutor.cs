using Codesign.Qonnx.Onnx;
using Codesign.Qonnx.Reading;

namespace Codesign.Qonnx.Execution;

/// <summary>
/// Runs any ONNX/QONNX graph the reader accepts structurally, in double precision, with QONNX's float semantics:
/// Quant divides by its scale, clamps to its integer range, rounds with its rounding mode and multiplies back.
/// This is what runs a model that does not fit the <see cref="Core.Graph.QuantizedGraph"/> IR (per-channel or
/// non-power-of-two scales), and the independent check of the integer <see cref="GraphExecutor"/> on our own files.
/// The first dimension of the graph input is the batch, whatever the file declares (Brevitas fixes it to 1).
/// </summary>
public sealed partial class OnnxFloatExecutor
{
    private readonly LoadedOnnxGraph graph;
    private readonly int[] sampleShape;

    private OnnxFloatExecutor(LoadedOnnxGraph graph)
    {
        this.graph = graph;
        sampleShape = SampleShape(graph);

        // A bad attribute should fail when the model is loaded, not on the first batch.
        foreach (var node in graph.Nodes.Where(node => node.Operator == OnnxOperator.Quant))
        {
            QuantAttributes.Read(node, graph.Diagnostics);
        }
    }

    public string InputName => graph.InputName;

    public string OutputName => graph.Output;

    /// <summary>The shape of one input row, without the batch dimension.</summary>
    public IReadOnlyList<int> InputSampleShape => sampleShape;

    /// <summary>Parses and checks <paramref name="bytes"/>; <paramref name="fileName"/> is where diagnostics point.</summary>
    public static OnnxFloatExecutor Load(byte[] bytes, string fileName)
    {
        var diagnostics = new OnnxDiagnostics(fileName);
        return new OnnxFloatExecutor(LoadedOnnxGraph.Load(OnnxModelParser.Parse(bytes, diagnostics), diagnostics));
    }

    public static OnnxFloatExecutor LoadFile(string path)
    {
        var diagnostics = new OnnxDiagnostics(path);
        return new OnnxFloatExecutor(LoadedOnnxGraph.Load(OnnxModelParser.Parse(OnnxModelParser.ReadFile(path, diagnostics), diagnostics), diagnostics));
    }

    public static OnnxFloatExecutor FromModel(ModelProto model, string fileName) =>
        new(LoadedOnnxGraph.Load(model, new OnnxDiagnostics(fileName)));

    /// <summary>The graph output for <paramref name="rows"/> rows of <paramref name="inputs"/> (rows × sample size, row-major).</summary>
    public double[] Run(ReadOnlySpan<float> inputs, int rows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        var sampleSize = sampleShape.Aggregate(1L, (size, dim) => size * dim);
        if (inputs.Length != rows * sampleSize)
        {
            throw new ArgumentException($"expected {rows * sampleSize} input values for {rows} rows of {sampleSize}, got {inputs.Length}", nameof(inputs));
        }

        var values = new double[inputs.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = inputs[i];
        }

        return Execute(new OnnxTensor([rows, .. sampleShape], values)).Data;
    }

    private OnnxTensor Execute(OnnxTensor input)
    {
        var tensors = new Dictionary<string, OnnxTensor>(graph.Initializers, StringComparer.Ordinal) { [graph.InputName] = input };
        foreach (var node in graph.Nodes)
        {
            var inputs = new OnnxTensor?[node.Proto.Input.Count];
            for (var position = 0; position < inputs.Length; position++)
            {
                inputs[position] = node.InputAt(position) is { } name ? tensors[name] : null;
            }

            tensors[node.Output] = Evaluate(graph, node, inputs);
        }

        return tensors[graph.Output];
    }

    /// <summary>
    /// One node on concrete inputs (absent optional inputs are null). Also how the reader folds constant
    /// subgraphs such as weight Quant nodes, so both agree on every value.
    /// </summary>
    internal static OnnxTensor Evaluate(LoadedOnnxGraph graph, LoadedNode node, IReadOnlyList<OnnxTensor?> inputs)
    {
        var d = graph.Diagnostics;
        var x = inputs[0]!;
        return node.Operator switch
        {
            OnnxOperator.Quant => Quant(node, x, inputs[1]!, inputs[2]!, inputs[3]!, d),
            OnnxOperator.MatMul => MatMul(node, x, inputs[1]!, d),
            OnnxOperator.Gemm => Gemm(node, x, inputs[1]!, inputs.Count > 2 ? inputs[2] : null, d),
            OnnxOperator.Add => Elementwise(node, x, inputs[1]!, static (a, b) => a + b, d),
            OnnxOperator.Mul => Elementwise(node, x, inputs[1]!, static (a, b) => a * b, d),
            OnnxOperator.Relu => Map(x, static value => value < 0 ? 0 : value),
            OnnxOperator.Conv => Conv(node, x, inputs[1]!, inputs.Count > 2 ? inputs[2] : null, channelsLast: false, d),
            OnnxOperator.ConvChannelsLast => Conv(node, x, inputs[1]!, inputs.Count > 2 ? inputs[2] : null, channelsLast: true, d),
            OnnxOperator.Flatten => Flatten(node, x, d),
            OnnxOperator.Reshape => Reshape(node, x, inputs[1]!, d),
            OnnxOperator.Transpose => Transpose(node, x, d),
            OnnxOperator.Identity => x,
            OnnxOperator.Softmax => Softmax(node, x, graph.DefaultOpset, d),
            _ => throw d.UnsupportedOperator($"{node.Label} has no float kernel"),
        };
    }

    private static int[] SampleShape(LoadedOnnxGraph graph)
    {
        var input = graph.Input;
        var dims = input.Type?.TensorType?.Shape?.Dim;
        if (dims is null || dims.Count < 2 || dims.Skip(1).Any(dim => dim.ValueCase != TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue || dim.DimValue < 1))
        {
            throw graph.Diagnostics.UnsupportedFeature($"graph input '{input.Name}' needs a static shape [batch, ...] with positive sizes after the batch dimension");
        }

        if (OnnxTensor.ElementCount(dims.Skip(1).Select(dim => dim.DimValue)) < 0)
        {
            throw graph.Diagnostics.TooLarge($"graph input '{input.Name}' has more than {OnnxTensor.MaxElements} elements per row");
        }

        return dims.Skip(1).Select(dim => (int)dim.DimValue).ToArray();
    }
}
