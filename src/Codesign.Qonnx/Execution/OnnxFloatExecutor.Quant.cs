using Codesign.Qonnx.Reading;

namespace Codesign.Qonnx.Execution;

/// <summary>QONNX Quant (IntQuant) in float: q = x / scale + zeropt, clamp to the integer range, round, (q - zeropt) · scale.</summary>
public sealed partial class OnnxFloatExecutor
{
    private static OnnxTensor Quant(LoadedNode node, OnnxTensor x, OnnxTensor scale, OnnxTensor zeropt, OnnxTensor bitwidth, OnnxDiagnostics d)
    {
        var attributes = QuantAttributes.Read(node, d);
        var bits = QuantAttributes.BitWidth(node, bitwidth, d);
        var scales = QuantParameter(node, scale, x, "scale", d);
        var zeros = QuantParameter(node, zeropt, x, "zero point", d);
        var (min, max) = attributes.Range(bits);
        var bipolar = attributes.IsBipolar(bits);
        var result = new double[x.Size];
        for (var i = 0; i < result.Length; i++)
        {
            var q = (x.Data[i] / scales[i]) + zeros[i];

            // Clamping before rounding equals rounding then saturating: the bounds are integers and rounding is monotone.
            q = bipolar ? (q >= 0 ? 1 : -1) : attributes.Round(Math.Clamp(q, min, max));
            result[i] = (q - zeros[i]) * scales[i];
        }

        return new OnnxTensor(x.Shape, result);
    }

    /// <summary>Scale or zero point broadcast to the data's shape; it may not make the output larger than the data.</summary>
    private static double[] QuantParameter(LoadedNode node, OnnxTensor parameter, OnnxTensor x, string what, OnnxDiagnostics d)
    {
        if (!BroadcastsTo(parameter.Shape, x.Shape))
        {
            throw d.Invalid($"{node.Label}: {what} of shape {parameter.DescribeShape()} does not broadcast to the data's shape {x.DescribeShape()}");
        }

        return Expand(new OnnxTensor(parameter.Shape.Length > x.Rank ? parameter.Shape[(parameter.Shape.Length - x.Rank)..] : parameter.Shape, parameter.Data), x.Shape);
    }
}
