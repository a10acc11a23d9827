using Codesign.Core.Diagnostics;

namespace Codesign.Core.Spec;

/// <summary>The <c>hessian:</c> section: how the per-layer Hessian trace and top eigenvalue are estimated.</summary>
public sealed record HessianSpec(
    int Batches,
    int BatchSize,
    ulong Seed,
    double TraceTolerance,
    int MinProbes,
    int MaxProbes,
    double EigenTolerance,
    int MaxIterations,
    SourceSpan Location);

public enum BudgetCost
{
    /// <summary>Bit operations, the HAWQ jet-tagger formula.</summary>
    Bops,

    /// <summary>Weight storage in bits.</summary>
    WeightMemory,

    /// <summary>LUTs of the dense layers as the synthesis estimate prices them (docs/synthesis.md).</summary>
    Luts,

    /// <summary>Latency in clock cycles at the <c>hls:</c> clock, as the synthesis estimate computes it.</summary>
    LatencyCycles,
}

/// <summary>One budget: a cost model's total must stay below an absolute limit or a fraction of the uniform-8-bit cost.</summary>
public sealed record BudgetSpec(BudgetCost Cost, bool IsFraction, double Value, SourceSpan Location);

/// <summary>The <c>allocation:</c> section: candidate widths, how activation widths follow, and the budgets.</summary>
public sealed record AllocationSpec(
    IReadOnlyList<int> Widths,
    int? ActivationBits,
    int ActivationExtraBits,
    IReadOnlyList<BudgetSpec> Budgets,
    SourceSpan Location);
