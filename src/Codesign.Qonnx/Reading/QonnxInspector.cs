using System.Globalization;
using System.Text;
using Codesign.Qonnx.Onnx;

namespace Codesign.Qonnx.Reading;

/// <summary>
/// A readable listing of an ONNX/QONNX model for <c>codesign qonnx inspect</c>: the header, every node in execution
/// order (op, domain, attributes, inputs → output) and every tensor with its shape and number format: the
/// <c>ap_fixed&lt;W,I&gt;</c> a Quant node gives it (kept through Relu, Flatten, Reshape, Transpose, Identity),
/// a plain description when the Quant is not fixed-point, or <c>float</c>. The model passes the same checks as the
/// reader first, so a malformed file fails with the same diagnostics.
/// </summary>
public static class QonnxInspector
{
    public static string Inspect(byte[] bytes, string fileName)
    {
        var diagnostics = new OnnxDiagnostics(fileName);
        return Render(LoadedOnnxGraph.Load(OnnxModelParser.Parse(bytes, diagnostics), diagnostics));
    }

    public static string Inspect(ModelProto model, string fileName) =>
        Render(LoadedOnnxGraph.Load(model, new OnnxDiagnostics(fileName)));

    private static string Render(LoadedOnnxGraph graph)
    {
        var model = graph.Model;
        var formats = Formats(graph);
        var shapes = Shapes(model.Graph);
        var text = new StringBuilder();
        var opsets = string.Join(", ", model.OpsetImport.Select(opset => $"{(opset.Domain.Length == 0 ? "ai.onnx" : opset.Domain)} {opset.Version}"));
        text.AppendLine(CultureInfo.InvariantCulture, $"model '{model.Graph.Name}': ir_version {model.IrVersion}, producer '{model.ProducerName}', opsets {opsets}");
        text.AppendLine(CultureInfo.InvariantCulture, $"input  {graph.InputName} {Shape(shapes, graph.InputName)} float");
        text.AppendLine(CultureInfo.InvariantCulture, $"output {graph.Output} {Shape(shapes, graph.Output)} {formats.GetValueOrDefault(graph.Output, "float")}");

        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"nodes ({graph.Nodes.Count}):");
        foreach (var node in graph.Nodes)
        {
            var domain = node.Proto.Domain.Length == 0 ? string.Empty : $" [{node.Proto.Domain}]";
            var attributes = node.Proto.Attribute.Count == 0 ? string.Empty : " {" + string.Join(", ", node.Proto.Attribute.Select(Attribute)) + "}";
            var inputs = string.Join(", ", node.Proto.Input.Select(input => input.Length == 0 ? "-" : input));
            text.AppendLine(CultureInfo.InvariantCulture, $"  {Name(node)}: {node.OpType}{domain}{attributes} ({inputs}) -> {node.Output}");
        }

        // Quant parameters are summarised in the formats; listing them as tensors would only add noise.
        var parameters = graph.Nodes.Where(node => node.Operator == OnnxOperator.Quant).SelectMany(node => node.Proto.Input.Skip(1)).ToHashSet(StringComparer.Ordinal);
        var tensors = new List<(string Name, string Shape, string Format)> { (graph.InputName, Shape(shapes, graph.InputName), "float") };
        tensors.AddRange(model.Graph.Initializer.Where(tensor => !parameters.Contains(tensor.Name))
            .Select(tensor => (tensor.Name, graph.Initializers[tensor.Name].DescribeShape(), FormattableString.Invariant($"initializer, {graph.Initializers[tensor.Name].Size} values"))));
        tensors.AddRange(graph.Nodes.Select(node => (node.Output, Shape(shapes, node.Output), formats.GetValueOrDefault(node.Output, "float"))));
        var width = tensors.Max(tensor => tensor.Name.Length);
        var shapeWidth = tensors.Max(tensor => tensor.Shape.Length);
        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"tensors ({tensors.Count}):");
        foreach (var (name, shape, format) in tensors)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {name.PadRight(width)}  {shape.PadRight(shapeWidth)}  {format}");
        }

        return text.ToString();
    }

    /// <summary>The number format of every tensor a Quant node writes, carried through operators that do not change the grid.</summary>
    private static Dictionary<string, string> Formats(LoadedOnnxGraph graph)
    {
        var formats = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in graph.Nodes)
        {
            if (node.Operator == OnnxOperator.Quant && Describe(graph, node) is { } format)
            {
                formats[node.Output] = format;
            }
            else if (node.Operator is OnnxOperator.Relu or OnnxOperator.Flatten or OnnxOperator.Reshape or OnnxOperator.Transpose or OnnxOperator.Identity
                && formats.TryGetValue(node.Proto.Input[0], out var carried))
            {
                formats[node.Output] = carried;
            }
        }

        return formats;
    }

    private static string? Describe(LoadedOnnxGraph graph, LoadedNode node)
    {
        if (Enumerable.Range(1, 3).Any(position => !graph.Initializers.ContainsKey(node.Proto.Input[position])))
        {
            return "Quant with computed parameters";
        }

        var (scale, zeropt, bitwidth) = (graph.Initializers[node.Proto.Input[1]], graph.Initializers[node.Proto.Input[2]], graph.Initializers[node.Proto.Input[3]]);
        var attributes = QuantAttributes.Read(node, graph.Diagnostics);
        var bits = QuantAttributes.BitWidth(node, bitwidth, graph.Diagnostics);
        if (QuantFormats.Analyze(node, scale, zeropt, bits, attributes, onData: true, []) is { } format)
        {
            return format.ToString();
        }

        // Not a fixed-point format: say what it is instead.
        var scaleText = scale.Data.Distinct().Count() > 1 ? $"per-channel scale ({scale.Size} values)" : $"scale {QuantFormats.Format(scale.Size > 0 ? scale.Data[0] : double.NaN)}";
        var zeroText = zeropt.Data.Any(zero => zero != 0) ? ", nonzero zero point" : string.Empty;
        var narrowText = attributes.Narrow ? ", narrow" : string.Empty;
        return $"{(attributes.Signed ? "int" : "uint")}{bits} × {scaleText}{zeroText}{narrowText}, {attributes.RoundingName}";
    }

    private static Dictionary<string, string> Shapes(GraphProto graph)
    {
        var shapes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in graph.Input.Concat(graph.ValueInfo).Concat(graph.Output))
        {
            if (value.Type?.TensorType?.Shape is { } shape)
            {
                shapes[value.Name] = "[" + string.Join(", ", shape.Dim.Select(Dimension)) + "]";
            }
        }

        return shapes;
    }

    private static string Dimension(TensorShapeProto.Types.Dimension dim) => dim.ValueCase switch
    {
        TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue => dim.DimValue.ToString(CultureInfo.InvariantCulture),
        TensorShapeProto.Types.Dimension.ValueOneofCase.DimParam => dim.DimParam,
        _ => "?",
    };

    private static string Shape(Dictionary<string, string> shapes, string name) => shapes.GetValueOrDefault(name, "?");

    private static string Name(LoadedNode node) => node.Name.Length > 0 ? node.Name : $"#{node.Index}";

    private static string Attribute(AttributeProto attribute) => attribute.Type switch
    {
        AttributeProto.Types.AttributeType.Int => FormattableString.Invariant($"{attribute.Name}={attribute.I}"),
        AttributeProto.Types.AttributeType.Float => $"{attribute.Name}={attribute.F.ToString(CultureInfo.InvariantCulture)}",
        AttributeProto.Types.AttributeType.String => $"{attribute.Name}={attribute.S.ToStringUtf8()}",
        AttributeProto.Types.AttributeType.Ints => $"{attribute.Name}={OnnxTensor.Describe(attribute.Ints)}",
        _ => $"{attribute.Name}=({attribute.Type.ToString().ToUpperInvariant()})",
    };
}
