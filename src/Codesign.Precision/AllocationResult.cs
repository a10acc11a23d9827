namespace Codesign.Precision;

public enum AllocationStatus
{
    /// <summary>Proven to minimise the total Ω within every budget (to the objective's integer resolution).</summary>
    Optimal,

    /// <summary>Meets every budget, but the search stopped at its limit before proving optimality.</summary>
    Feasible,
}

/// <summary>The widths chosen for one layer, and its Ω at them.</summary>
public sealed record LayerAllocation(string Name, int WeightBits, int InputActivationBits, int OutputActivationBits, double Omega);

/// <summary>One budget's total under the allocation, against its limit.</summary>
/// <param name="CostModel">The cost model's name, e.g. <c>bops</c>.</param>
/// <param name="Unit">Unit of the totals.</param>
/// <param name="Total">The allocation's total.</param>
/// <param name="Limit">The limit in the model's unit (a fraction already multiplied out).</param>
/// <param name="Fraction">The fraction of the uniform cost that was asked for, or null for an absolute limit.</param>
/// <param name="UniformBits">Width of the uniform reference configuration.</param>
/// <param name="UniformCost">The total with every layer at <paramref name="UniformBits"/>.</param>
/// <param name="CheapestCost">The lowest total any configuration of the candidate widths reaches.</param>
public sealed record BudgetOutcome(
    string CostModel,
    string Unit,
    double Total,
    double Limit,
    double? Fraction,
    int UniformBits,
    double UniformCost,
    double CheapestCost);

/// <summary>
/// The allocation: widths per layer, the total Ω recomputed in double from the chosen widths, and every
/// budget's total. <see cref="SolveTime"/> is wall time and so is not part of the report file.
/// </summary>
public sealed record AllocationResult(
    AllocationStatus Status,
    double Objective,
    IReadOnlyList<LayerAllocation> Layers,
    IReadOnlyList<BudgetOutcome> Budgets,
    ActivationWidthRule Activations,
    SensitivityTable Sensitivities,
    TimeSpan SolveTime)
{
    public IReadOnlyList<int> WeightBits => Layers.Select(layer => layer.WeightBits).ToArray();
}
