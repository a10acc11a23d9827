namespace Codesign.Precision;

/// <summary>A budget with its cost model evaluated for this request: the limit in the model's unit, the uniform reference and the cheapest configuration.</summary>
internal sealed record ResolvedBudget(
    CostBudget Budget,
    CostTable Table,
    double Limit,
    double UniformCost,
    double CheapestCost,
    int[] CheapestChoices,
    IReadOnlyList<int> CheapestWeightBits)
{
    public static ResolvedBudget Resolve(CostBudget budget, IReadOnlyList<LayerDescription> layers, IReadOnlyList<int> widths, ActivationWidthRule rule)
    {
        var table = CostTable.Build(budget.Model, layers, widths, rule);
        var uniform = 0.0;
        for (var i = 0; i < layers.Count; i++)
        {
            uniform += budget.Model.LayerCost(i, layers[i], budget.UniformBits, rule.IncomingBits(i, budget.UniformBits));
        }

        var limit = budget.Kind == BudgetKind.Absolute ? budget.Value : budget.Value * uniform;
        var (cheapest, choices) = table.Cheapest();
        return new ResolvedBudget(budget, table, limit, uniform, cheapest, choices, choices.Select(k => widths[k]).ToArray());
    }

    public bool IsMetBy(IReadOnlyList<int> choices) => Table.Total(choices) <= Limit;

    /// <summary>"the bops budget of 200,000 BOPs (0.5 × the uniform 8-bit 400,000 BOPs)".</summary>
    public string Describe()
    {
        var model = Budget.Model;
        var asked = CostText.Quantity(Limit, model.Unit);
        return Budget.Kind == BudgetKind.Absolute
            ? $"the {model.Name} budget of {asked}"
            : $"the {model.Name} budget of {asked} ({CostText.Fraction(Budget.Value)} × the uniform {Budget.UniformBits}-bit {CostText.Quantity(UniformCost, model.Unit)})";
    }

    public string DescribeCheapest() =>
        $"{CostText.Quantity(CheapestCost, Budget.Model.Unit)} ({CostText.Widths(CheapestWeightBits)})";
}
