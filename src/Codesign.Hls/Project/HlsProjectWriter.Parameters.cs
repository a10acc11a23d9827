using Codesign.Core.Graph;
using Codesign.Core.Spec;

namespace Codesign.Hls.Project;

// firmware/parameters.h: one config struct per layer, and the includes of the kernels and weights.
public static partial class HlsProjectWriter
{
    private static string Parameters(HlsDesign design)
    {
        var text = new SourceText()
            .Line($"// Per-layer configuration of {design.Name}: sizes, strategy, reuse factor and the layer's types.")
            .Line("#ifndef PARAMETERS_H_")
            .Line("#define PARAMETERS_H_")
            .Line()
            .Line("#include \"ap_fixed.h\"")
            .Line("#include \"ap_int.h\"")
            .Line()
            .Line("#include \"nnet_utils/nnet_activation.h\"")
            .Line("#include \"nnet_utils/nnet_conv2d.h\"")
            .Line("#include \"nnet_utils/nnet_dense.h\"")
            .Line("#include \"nnet_utils/nnet_softmax.h\"")
            .Line()
            .Line("#include \"defines.h\"");
        var arrays = design.Layers.SelectMany(DataArrays).ToList();
        if (arrays.Count > 0)
        {
            text.Line();
        }

        foreach (var array in arrays)
        {
            text.Line($"#include \"weights/{array}.h\"");
        }

        foreach (var layer in design.Layers.Where(l => l.HasKernel))
        {
            text.Line();
            text.Line($"// node {layer.Index}: '{layer.CommentName}'");
            switch (layer.Node)
            {
                case DenseNode dense:
                    DenseConfig(text, layer, dense);
                    break;
                case Conv2dNode conv:
                    Conv2dConfig(text, design, layer, conv);
                    break;
                case SoftmaxNode softmax:
                    SoftmaxConfig(text, layer, softmax.Tables);
                    break;
                default:
                    ActivationConfig(text, layer.Config, layer.SizeConstant, layer.ReuseFactor);
                    break;
            }
        }

        if (design.NeedsResultCopy)
        {
            text.Line();
            text.Line("// copy of the last reshape into result");
            ActivationConfig(text, "config_result", "N_OUTPUT", 1);
        }

        return text.Line().Line("#endif").ToString();
    }

    private static void DenseConfig(SourceText text, HlsLayer layer, DenseNode dense)
    {
        var nonZero = dense.WeightCodes.Count(code => code != 0);
        text.Line($"struct {layer.Config} : nnet::dense_config {{")
            .Line($"  static const unsigned n_in = {dense.Inputs};")
            .Line($"  static const unsigned n_out = {dense.Units};")
            .Line("  static const unsigned io_type = nnet::io_parallel;")
            .Line($"  static const unsigned strategy = nnet::{StrategyName(layer.Strategy)};")
            .Line($"  static const unsigned reuse_factor = {layer.ReuseFactor};")
            .Line($"  static const unsigned n_zeros = {dense.WeightCodes.Length - nonZero};")
            .Line("  // Zero weights need no multiplier: ceil(nonzero weights / reuse_factor), at least one.")
            .Line($"  static const unsigned multiplier_limit = {MultiplierLimit(nonZero, layer.ReuseFactor)};")
            .Line($"  typedef {layer.AccumType} accum_t;")
            .Line($"  typedef {layer.BiasType} bias_t;")
            .Line($"  typedef {layer.WeightType} weight_t;")
            .Line("};");
    }

    private static void Conv2dConfig(SourceText text, HlsDesign design, HlsLayer layer, Conv2dNode conv)
    {
        var g = conv.Geometry;
        var input = design.Graph.InputOf(conv).Shape;
        var output = g.OutputShape(input[0], input[1]);
        var products = (long)output[0] * output[1] * conv.WeightCodes.Count(code => code != 0);
        text.Line($"struct {layer.Config} : nnet::conv2d_config {{")
            .Line($"  static const unsigned in_height = {input[0]};")
            .Line($"  static const unsigned in_width = {input[1]};")
            .Line($"  static const unsigned n_chan = {g.InChannels};")
            .Line($"  static const unsigned filt_height = {g.KernelHeight};")
            .Line($"  static const unsigned filt_width = {g.KernelWidth};")
            .Line($"  static const unsigned n_filt = {g.OutChannels};")
            .Line($"  static const unsigned stride_height = {g.StrideHeight};")
            .Line($"  static const unsigned stride_width = {g.StrideWidth};")
            .Line($"  static const unsigned pad_top = {g.PadTop};")
            .Line($"  static const unsigned pad_bottom = {g.PadBottom};")
            .Line($"  static const unsigned pad_left = {g.PadLeft};")
            .Line($"  static const unsigned pad_right = {g.PadRight};")
            .Line($"  static const unsigned out_height = {output[0]};")
            .Line($"  static const unsigned out_width = {output[1]};")
            .Line("  static const unsigned io_type = nnet::io_parallel;")
            .Line("  // conv2d has the latency structure only; reuse_factor is its initiation interval.")
            .Line("  static const unsigned strategy = nnet::latency;")
            .Line($"  static const unsigned reuse_factor = {layer.ReuseFactor};")
            .Line($"  static const unsigned multiplier_limit = {MultiplierLimit(products, layer.ReuseFactor)};")
            .Line($"  typedef {layer.AccumType} accum_t;")
            .Line($"  typedef {layer.BiasType} bias_t;")
            .Line($"  typedef {layer.WeightType} weight_t;")
            .Line("};");
    }

    /// <summary>The constant arrays a layer reads, each in its own header under weights/.</summary>
    private static IEnumerable<string> DataArrays(HlsLayer layer) =>
        layer.HasWeights ? [layer.WeightArray, layer.BiasArray] : layer.HasTables ? [layer.ExpTableArray, layer.InverseTableArray] : [];

    private static void SoftmaxConfig(SourceText text, HlsLayer layer, SoftmaxTables tables) =>
        text.Line($"struct {layer.Config} : nnet::softmax_config {{")
            .Line($"  static const unsigned n_in = {layer.SizeConstant};")
            .Line($"  static const unsigned exp_table_size = {tables.ExpCodes.Length};")
            .Line($"  static const unsigned exp_index_shift = {tables.ExpIndexShift};")
            .Line($"  static const unsigned inv_table_size = {tables.InverseCodes.Length};")
            .Line($"  static const unsigned inv_index_shift = {tables.InverseIndexShift};")
            .Line($"  static const unsigned reuse_factor = {layer.ReuseFactor};")
            .Line("  static const unsigned io_type = nnet::io_parallel;")
            .Line($"  typedef {layer.DifferenceType} diff_t;")
            .Line($"  typedef {layer.ExpTableType} exp_table_t;")
            .Line($"  typedef {layer.SumType} sum_t;")
            .Line($"  typedef {layer.InverseTableType} inv_table_t;")
            .Line("};");

    private static void ActivationConfig(SourceText text, string config, string size, int reuseFactor) =>
        text.Line($"struct {config} : nnet::activ_config {{")
            .Line($"  static const unsigned n_in = {size};")
            .Line($"  static const unsigned reuse_factor = {reuseFactor};")
            .Line("  static const unsigned io_type = nnet::io_parallel;")
            .Line("};");

    private static long MultiplierLimit(long products, int reuseFactor) => Math.Max(1, (products + reuseFactor - 1) / reuseFactor);

    private static string StrategyName(HlsStrategy strategy) => strategy == HlsStrategy.Resource ? "resource" : "latency";
}
