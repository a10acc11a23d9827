using Codesign.Core.Graph;

namespace Codesign.Hls.Project;

// firmware/<name>.h and firmware/<name>.cpp: the top function, one kernel call per graph node.
public static partial class HlsProjectWriter
{
    private static string TopHeader(HlsDesign design)
    {
        var guard = design.Name.ToUpperInvariant() + "_H_";
        return new SourceText()
            .Line($"// {design.Name}: top function of the HLS design Codesign.Sdk generated from graph '{GraphNames.Identifier(design.Graph.Name)}'.")
            .Line($"#ifndef {guard}")
            .Line($"#define {guard}")
            .Line()
            .Line("#include \"ap_fixed.h\"")
            .Line("#include \"ap_int.h\"")
            .Line()
            .Line("#include \"defines.h\"")
            .Line()
            .Line("// io_parallel: both arrays completely partitioned, one sample per call, inputs and results valid together (ap_vld).")
            .Line($"void {design.Name}(input_t input[N_INPUT], result_t result[N_OUTPUT]);")
            .Line()
            .Line("#endif")
            .ToString();
    }

    private static string TopSource(HlsDesign design)
    {
        var text = new SourceText()
            .Line($"// {design.Name}: the graph's nodes in execution order. Each tensor has its own typedef (defines.h) and each")
            .Line("// layer its own config struct (parameters.h). Compile with -DCODESIGN_TRACE to record every node's output codes")
            .Line("// (nnet_utils/nnet_trace.h) for the C-simulation's layer-by-layer comparison; synthesis never sees that code.")
            .Line($"#include \"{design.Name}.h\"")
            .Line("#include \"parameters.h\"")
            .Line()
            .Line("#ifdef CODESIGN_TRACE")
            .Line("#include \"nnet_utils/nnet_trace.h\"")
            .Line("#endif")
            .Line()
            .Line($"void {design.Name}(input_t input[N_INPUT], result_t result[N_OUTPUT]) {{")
            .Line("#pragma HLS ARRAY_PARTITION variable = input complete dim = 0")
            .Line("#pragma HLS ARRAY_PARTITION variable = result complete dim = 0")
            .Line("#pragma HLS INTERFACE ap_vld port = input, result")
            .Line("#pragma HLS PIPELINE");
        foreach (var layer in design.Layers)
        {
            text.Line();
            text.Line($"  // node {layer.Index}: {Describe(layer)} '{layer.CommentName}'");
            if (layer.HasKernel && layer.Array != "result")
            {
                text.Line($"  {layer.Type} {layer.Array}[{layer.SizeConstant}];");
                text.Line($"#pragma HLS ARRAY_PARTITION variable = {layer.Array} complete dim = 0");
            }

            if (layer.HasKernel)
            {
                text.Line($"  {KernelCall(layer)};");
            }

            text.Line("#ifdef CODESIGN_TRACE");
            text.Line($"  nnet::trace_codes<{layer.Type}, {layer.SizeConstant}>({layer.TraceOffset}, {layer.Array});");
            text.Line("#endif");
        }

        if (design.NeedsResultCopy)
        {
            text.Line();
            text.Line("  // The last node only renames its input: copy it out (the types are equal, so the cast is exact).");
            text.Line($"  nnet::linear<{design.Last.Type}, result_t, config_result>({design.Last.Array}, result);");
        }

        return text.Line("}").ToString();
    }

    private static string KernelCall(HlsLayer layer)
    {
        var source = layer.Source!;
        var types = $"{source.Type}, {layer.Type}, {layer.Config}";
        return layer.Kind switch
        {
            HlsLayerKind.Dense => $"nnet::dense<{types}>({source.Array}, {layer.Array}, {layer.WeightArray}, {layer.BiasArray})",
            HlsLayerKind.Conv2d => $"nnet::conv_2d_cl<{types}>({source.Array}, {layer.Array}, {layer.WeightArray}, {layer.BiasArray})",
            HlsLayerKind.Relu => $"nnet::relu<{types}>({source.Array}, {layer.Array})",
            HlsLayerKind.Softmax => $"nnet::softmax<{types}>({source.Array}, {layer.Array}, {layer.ExpTableArray}, {layer.InverseTableArray})",
            HlsLayerKind.Quant => $"nnet::linear<{types}>({source.Array}, {layer.Array})",
            _ => throw new InvalidOperationException($"{layer.Kind} has no kernel"),
        };
    }

    private static string Describe(HlsLayer layer) => layer.Kind switch
    {
        HlsLayerKind.InputQuant => "input Quant (done by the conversion into input_t)",
        HlsLayerKind.Reshape => "reshape (same elements, same array)",
        HlsLayerKind.Dense => "dense",
        HlsLayerKind.Conv2d => "conv2d",
        HlsLayerKind.Relu => "relu",
        HlsLayerKind.Softmax => "softmax (tables)",
        HlsLayerKind.Quant => "quant",
        _ => layer.Kind.ToString(),
    };
}
