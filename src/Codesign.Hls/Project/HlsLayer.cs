using Codesign.Core.Graph;
using Codesign.Core.Numerics;
using Codesign.Core.Spec;

namespace Codesign.Hls.Project;

/// <summary>What a graph node becomes in the top function.</summary>
internal enum HlsLayerKind
{
    /// <summary>The Quant on the real-valued graph input: the conversion into <c>input_t</c> at the boundary, no kernel.</summary>
    InputQuant,

    /// <summary>Same elements in the same order: an alias of its source array, no kernel.</summary>
    Reshape,

    Dense,
    Conv2d,
    Relu,

    /// <summary>The table softmax; its exp and inverse tables are written beside the weights.</summary>
    Softmax,

    /// <summary>A Quant on the datapath: <c>nnet::linear</c> into a type with AP_RND_CONV/AP_SAT.</summary>
    Quant,
}

/// <summary>
/// One graph node in the generated C++: the array that holds its output, that array's element type, and where its
/// codes go in a trace row. Only identifiers made here (layerN_out, layerN_t, configN, ...) reach C++; node names
/// appear only through <see cref="GraphNames.Identifier"/> in comments.
/// </summary>
internal sealed record HlsLayer(
    int Index,
    GraphNode Node,
    HlsLayerKind Kind,
    string Array,
    string Type,
    string SizeConstant,
    FixedPointFormat Format,
    int Size,
    HlsLayer? Source,
    int TraceOffset,
    HlsStrategy Strategy,
    int ReuseFactor)
{
    public bool HasKernel => Kind is HlsLayerKind.Dense or HlsLayerKind.Conv2d or HlsLayerKind.Relu or HlsLayerKind.Softmax or HlsLayerKind.Quant;

    public bool HasWeights => Kind is HlsLayerKind.Dense or HlsLayerKind.Conv2d;

    public bool HasTables => Kind is HlsLayerKind.Softmax;

    public string Config => "config" + Index;

    public string WeightArray => "w" + Index;

    public string BiasArray => "b" + Index;

    public string WeightType => "weight" + Index + "_t";

    public string BiasType => "bias" + Index + "_t";

    public string AccumType => "accum" + Index + "_t";

    public string ExpTableArray => "exp_table" + Index;

    public string InverseTableArray => "inv_table" + Index;

    public string ExpTableType => "exp_table" + Index + "_t";

    public string InverseTableType => "inv_table" + Index + "_t";

    public string SumType => "exp_sum" + Index + "_t";

    public string DifferenceType => "diff" + Index + "_t";

    /// <summary>The node's name as it may appear in a generated comment.</summary>
    public string CommentName => GraphNames.Identifier(Node.Name);
}
