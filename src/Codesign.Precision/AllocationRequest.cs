namespace Codesign.Precision;

/// <summary>What to allocate: the layers, the widths each may take, how activation widths follow, and the budgets.</summary>
public sealed record AllocationRequest
{
    /// <summary>The network's layers in order: layer i feeds layer i + 1.</summary>
    public required IReadOnlyList<LayerDescription> Layers { get; init; }

    /// <summary>Weight widths each layer may choose from; 2 to 8 bits unless told.</summary>
    public IReadOnlyList<int> CandidateWidths { get; init; } = WeightWidths.Default;

    public ActivationWidthRule Activations { get; init; } = ActivationWidthRule.Default;

    /// <summary>Every budget must hold at once; none means the most accurate configuration wins.</summary>
    public IReadOnlyList<CostBudget> Budgets { get; init; } = [];

    /// <summary>Ω per layer and candidate width; computed from the layers' weights and traces when null.</summary>
    public SensitivityTable? Sensitivities { get; init; }
}
