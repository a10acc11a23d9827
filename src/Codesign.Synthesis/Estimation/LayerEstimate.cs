namespace Codesign.Synthesis.Estimation;

/// <summary>The estimate of one node of the graph: resources, pipeline depth and what drove them.</summary>
/// <param name="Multipliers">Nonzero constant multiplications implemented in LUTs (after sharing by the reuse factor).</param>
/// <param name="Adders">Adders of the accumulation trees (after sharing).</param>
/// <param name="LatencyCycles">Cycles from this node's input to its output.</param>
/// <param name="IntervalCycles">Cycles between two inputs this node can accept.</param>
public sealed record LayerEstimate(
    string Name,
    string Operation,
    long Lut,
    long Ff,
    long Dsp,
    long Multipliers,
    long Adders,
    int LatencyCycles,
    int IntervalCycles);
