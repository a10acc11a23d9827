using System.Globalization;
using Codesign.Core.Graph;
using Codesign.Core.Numerics;

namespace Codesign.Hls.Project;

// firmware/weights/wN.h and bN.h: the integer weights as exact decimal literals.
public static partial class HlsProjectWriter
{
    private const int ValuesPerLine = 16;

    private static string WeightHeader(HlsLayer layer)
    {
        var (codes, format, shape) = layer.Node switch
        {
            DenseNode dense => (dense.WeightCodes, dense.WeightFormat, $"[{dense.Inputs}, {dense.Units}] input-major"),
            Conv2dNode conv => (conv.WeightCodes, conv.WeightFormat, Invariant($"[{conv.Geometry.KernelHeight}, {conv.Geometry.KernelWidth}, {conv.Geometry.InChannels}, {conv.Geometry.OutChannels}] HWIO")),
            _ => throw new InvalidOperationException($"node {layer.Index} has no weights"),
        };
        return ArrayHeader(layer.WeightArray, layer.WeightType, $"weights of '{layer.CommentName}', {shape}", codes, format);
    }

    private static string BiasHeader(HlsLayer layer)
    {
        var (codes, format) = layer.Node switch
        {
            DenseNode dense => (dense.BiasCodes, dense.BiasFormat),
            Conv2dNode conv => (conv.BiasCodes, conv.BiasFormat),
            _ => throw new InvalidOperationException($"node {layer.Index} has no biases"),
        };
        return ArrayHeader(layer.BiasArray, layer.BiasType, $"biases of '{layer.CommentName}', one per output channel", codes, format);
    }

    private static string ExpTableHeader(HlsLayer layer)
    {
        var tables = ((SoftmaxNode)layer.Node).Tables;
        return ArrayHeader(layer.ExpTableArray, layer.ExpTableType, Invariant($"exp(-d) of '{layer.CommentName}' for d in bins of 2^{tables.ExpIndexShift} input codes (bin centres)"), tables.ExpCodes, tables.ExpFormat);
    }

    private static string InverseTableHeader(HlsLayer layer)
    {
        var tables = ((SoftmaxNode)layer.Node).Tables;
        return ArrayHeader(layer.InverseTableArray, layer.InverseTableType, Invariant($"1 / sum of '{layer.CommentName}' for (sum - exp_table[0]) in bins of 2^{tables.InverseIndexShift} codes (bin centres)"), tables.InverseCodes, tables.InverseFormat);
    }

    /// <summary>
    /// Each literal is code × 2^-F written out in full, so the compiler reads back exactly that double (codes are
    /// checked to fit 53 bits) and its conversion to the array's type is exact too: no weight is ever re-rounded.
    /// </summary>
    private static string ArrayHeader(string array, string type, string what, long[] codes, FixedPointFormat format)
    {
        var guard = array.ToUpperInvariant() + "_H_";
        var zeros = codes.Count(code => code == 0);
        var text = new SourceText()
            .Line($"// {array}: {what}; {format}, {codes.Length} values")
            .Line(Invariant($"// (min {ExactDecimal.Format(codes.Min(), format.FractionalBits)}, max {ExactDecimal.Format(codes.Max(), format.FractionalBits)}, {zeros} zeros), each the exact decimal of code x 2^{-format.FractionalBits}."))
            .Line($"#ifndef {guard}")
            .Line($"#define {guard}")
            .Line()
            .Line($"static const {type} {array}[{codes.Length}] = {{");
        for (var start = 0; start < codes.Length; start += ValuesPerLine)
        {
            var values = codes.Skip(start).Take(ValuesPerLine).Select(code => ExactDecimal.Format(code, format.FractionalBits));
            text.Line("    " + string.Join(", ", values) + ",");
        }

        return text.Line("};").Line().Line("#endif").ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
