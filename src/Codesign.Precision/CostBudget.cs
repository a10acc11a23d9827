using Codesign.Core.Diagnostics;

namespace Codesign.Precision;

public enum BudgetKind
{
    /// <summary>The limit is in the cost model's unit.</summary>
    Absolute,

    /// <summary>The limit is a fraction of what the network costs with every layer at one uniform width (HAWQ-V3 style).</summary>
    FractionOfUniform,
}

/// <summary>
/// An upper limit on one cost model's total. <see cref="Location"/> is the spec node that asked for it, so an
/// unreachable budget is reported where the user wrote it.
/// </summary>
public sealed record CostBudget
{
    public const int DefaultUniformBits = 8;

    private CostBudget(ILayerCostModel model, BudgetKind kind, double value, int uniformBits, SourceSpan location)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"the {model.Name} budget must be finite");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(uniformBits, 2);
        Model = model;
        Kind = kind;
        Value = value;
        UniformBits = uniformBits;
        Location = location;
    }

    public ILayerCostModel Model { get; }

    public BudgetKind Kind { get; }

    /// <summary>The limit in the model's unit, or the fraction of the uniform cost.</summary>
    public double Value { get; }

    /// <summary>
    /// The width of the uniform reference: every layer's weights at this width, activations by the request's
    /// rule (so under "weights + 3" hidden activations are 11 bits and the input keeps its own width).
    /// </summary>
    public int UniformBits { get; }

    public SourceSpan Location { get; }

    public static CostBudget Absolute(ILayerCostModel model, double limit, SourceSpan location = default) =>
        new(model, BudgetKind.Absolute, limit, DefaultUniformBits, location);

    /// <param name="model">The cost model limited.</param>
    /// <param name="fraction">E.g. 0.5 for half of the uniform network's cost.</param>
    /// <param name="uniformBits">The uniform reference width, 8 unless told.</param>
    /// <param name="location">The spec node of the budget.</param>
    public static CostBudget FractionOfUniform(ILayerCostModel model, double fraction, int uniformBits = DefaultUniformBits, SourceSpan location = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fraction);
        return new(model, BudgetKind.FractionOfUniform, fraction, uniformBits, location);
    }
}
