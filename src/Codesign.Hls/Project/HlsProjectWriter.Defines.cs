using Codesign.Core.Graph;

namespace Codesign.Hls.Project;

// firmware/defines.h: array sizes and one typedef per tensor format.
public static partial class HlsProjectWriter
{
    private static string Defines(HlsDesign design)
    {
        var text = new SourceText()
            .Line($"// Sizes and fixed-point types of every tensor of {design.Name}. Quant outputs round half to even and saturate")
            .Line("// (AP_RND_CONV, AP_SAT) on assignment; accumulators, weights and ReLU outputs are lossless plain types.")
            .Line("#ifndef DEFINES_H_")
            .Line("#define DEFINES_H_")
            .Line()
            .Line("#include \"ap_fixed.h\"")
            .Line("#include \"ap_int.h\"")
            .Line()
            .Line($"#define N_INPUT {design.InputSize}");
        foreach (var layer in design.Layers.Where(l => l.HasKernel && l.SizeConstant.StartsWith("N_LAYER_", StringComparison.Ordinal)))
        {
            text.Line($"#define {layer.SizeConstant} {layer.Size}");
        }

        text.Line($"#define N_OUTPUT {design.OutputSize}")
            .Line("// Codes in one trace row: every node's output, in node order (-DCODESIGN_TRACE).")
            .Line($"#define N_TRACE {design.TraceSize}")
            .Line();
        foreach (var layer in design.Layers)
        {
            switch (layer.Kind)
            {
                case HlsLayerKind.InputQuant:
                case HlsLayerKind.Quant:
                    text.Line($"// node {layer.Index}: quant '{layer.CommentName}'");
                    text.Line($"typedef {CppTypes.Quantizing(layer.Format)} {layer.Type};");
                    break;
                case HlsLayerKind.Dense:
                case HlsLayerKind.Conv2d:
                    var (weight, bias) = Parameters(layer.Node);
                    text.Line($"// node {layer.Index}: {(layer.Kind == HlsLayerKind.Dense ? "dense" : "conv2d")} '{layer.CommentName}', output = lossless accumulator");
                    text.Line($"typedef {CppTypes.Plain(weight)} {layer.WeightType};");
                    text.Line($"typedef {CppTypes.Plain(bias)} {layer.BiasType};");
                    text.Line($"typedef {CppTypes.Plain(layer.Format)} {layer.AccumType};");
                    text.Line($"typedef {CppTypes.Plain(layer.Format)} {layer.Type};");
                    break;
                case HlsLayerKind.Softmax:
                    var tables = ((SoftmaxNode)layer.Node).Tables;
                    var input = layer.Source!.Format;
                    text.Line($"// node {layer.Index}: softmax '{layer.CommentName}' by tables; the difference type holds max - x exactly");
                    text.Line($"typedef {CppTypes.Plain(new Core.Numerics.FixedPointFormat(false, input.TotalBits, input.IntegerBits))} {layer.DifferenceType};");
                    text.Line($"typedef {CppTypes.Plain(tables.ExpFormat)} {layer.ExpTableType};");
                    text.Line($"typedef {CppTypes.Plain(tables.SumFormat(layer.Size))} {layer.SumType};");
                    text.Line($"typedef {CppTypes.Plain(tables.InverseFormat)} {layer.InverseTableType};");
                    text.Line($"typedef {CppTypes.Quantizing(layer.Format)} {layer.Type};");
                    break;
                case HlsLayerKind.Relu:
                    text.Line($"// node {layer.Index}: relu '{layer.CommentName}', keeps its input's format");
                    text.Line($"typedef {CppTypes.Plain(layer.Format)} {layer.Type};");
                    break;
                case HlsLayerKind.Reshape:
                    break;
            }
        }

        if (design.NeedsResultCopy)
        {
            text.Line("// the graph output, copied out of the last reshape");
            text.Line($"typedef {CppTypes.Plain(design.OutputFormat)} result_t;");
        }

        return text.Line().Line("#endif").ToString();
    }

    private static (Core.Numerics.FixedPointFormat Weight, Core.Numerics.FixedPointFormat Bias) Parameters(GraphNode node) => node switch
    {
        DenseNode dense => (dense.WeightFormat, dense.BiasFormat),
        Conv2dNode conv => (conv.WeightFormat, conv.BiasFormat),
        _ => throw new InvalidOperationException($"node '{node.Name}' has no weights"),
    };
}
