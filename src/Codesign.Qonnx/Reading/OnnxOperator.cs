using Codesign.Qonnx.Onnx;

namespace Codesign.Qonnx.Reading;

/// <summary>The operators the reader and the float executor understand, each resolved from op_type and domain.</summary>
internal enum OnnxOperator
{
    Quant,
    MatMul,
    Gemm,
    Add,
    Mul,
    Relu,

    /// <summary>Standard ONNX Conv: NCHW data, OIHW weights.</summary>
    Conv,

    /// <summary>QONNX's <c>qonnx.custom_op.channels_last</c> Conv: NHWC data, OHWI weights.</summary>
    ConvChannelsLast,
    Flatten,
    Reshape,
    Transpose,
    Identity,
    Softmax,
}

internal static class OnnxOperators
{
    public const string ChannelsLastDomain = "qonnx.custom_op.channels_last";

    /// <summary>Domains whose Quant is QONNX's IntQuant: the canonical one, Brevitas' export and FINN's legacy names.</summary>
    public static readonly IReadOnlySet<string> QuantDomains = new HashSet<string>(StringComparer.Ordinal)
    {
        "qonnx.custom_op.general", "onnx.brevitas", "finn", "finn.custom_op.general",
    };

    /// <summary>The operator of <paramref name="node"/>, or null when neither its op_type nor its domain is supported.</summary>
    public static OnnxOperator? Resolve(NodeProto node)
    {
        var domain = node.Domain;
        if (domain.Length == 0 || domain == "ai.onnx")
        {
            return node.OpType switch
            {
                "MatMul" => OnnxOperator.MatMul,
                "Gemm" => OnnxOperator.Gemm,
                "Add" => OnnxOperator.Add,
                "Mul" => OnnxOperator.Mul,
                "Relu" => OnnxOperator.Relu,
                "Conv" => OnnxOperator.Conv,
                "Flatten" => OnnxOperator.Flatten,
                "Reshape" => OnnxOperator.Reshape,
                "Transpose" => OnnxOperator.Transpose,
                "Identity" => OnnxOperator.Identity,
                "Softmax" => OnnxOperator.Softmax,
                _ => null,
            };
        }

        if (QuantDomains.Contains(domain) && node.OpType is "Quant" or "IntQuant")
        {
            return OnnxOperator.Quant;
        }

        return domain == ChannelsLastDomain && node.OpType == "Conv" ? OnnxOperator.ConvChannelsLast : null;
    }

    /// <summary>How many inputs the operator takes: required ones first, then optional ones that may be "".</summary>
    public static (int Required, int Optional) Arity(OnnxOperator op) => op switch
    {
        OnnxOperator.Quant => (4, 0),
        OnnxOperator.MatMul or OnnxOperator.Add or OnnxOperator.Mul or OnnxOperator.Reshape => (2, 0),
        OnnxOperator.Gemm or OnnxOperator.Conv or OnnxOperator.ConvChannelsLast => (2, 1),
        _ => (1, 0),
    };
}
