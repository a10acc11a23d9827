using Codesign.Core.Spec;

namespace Codesign.Precision.Tests;

/// <summary>Hardware budgets: the allocator prices each layer with the synthesis estimate.</summary>
public class EstimatedHardwareCostModelTests
{
    private static readonly IReadOnlyList<LayerDescription> Jet = TestNetworks.JetTagger();

    private static readonly HlsSpec Hls = new(
        "jet", SpecDefaults.HlsPart, 5, "io_parallel", HlsStrategy.Latency, 1, new Dictionary<string, int>(), 10_000, null, SynthesisStepSet.CSynthesis, 120, default);

    [Fact]
    public void Wider_weights_and_activations_cost_more_luts()
    {
        var model = EstimatedHardwareCostModel.Luts(Hls);
        var layer = Jet[1];

        var narrow = model.LayerCost(1, layer, 3, 6);
        var wider = model.LayerCost(1, layer, 6, 6);
        var widerInput = model.LayerCost(1, layer, 3, 10);

        Assert.True(narrow > 0);
        Assert.True(wider > narrow, $"{wider} vs {narrow}");
        Assert.True(widerInput > narrow, $"{widerInput} vs {narrow}");
        Assert.Equal(narrow, model.LayerCost(1, layer, 3, 6));
    }

    [Fact]
    public void A_lut_budget_holds_and_costs_what_the_model_says()
    {
        var luts = EstimatedHardwareCostModel.Luts(Hls);
        var result = new BitAllocator().Allocate(new AllocationRequest
        {
            Layers = Jet,
            Budgets = [CostBudget.FractionOfUniform(luts, 0.5)],
        });

        var budget = Assert.Single(result.Budgets);
        Assert.True(budget.Total <= budget.Limit, $"{budget.Total} > {budget.Limit}");
        Assert.Equal("LUTs", budget.Unit);
        Assert.Contains(result.Layers, layer => layer.WeightBits < 8);
    }

    [Fact]
    public void Latency_in_cycles_grows_as_the_clock_shortens()
    {
        var slow = EstimatedHardwareCostModel.LatencyCycles(Hls with { ClockPeriodNs = 10 });
        var fast = EstimatedHardwareCostModel.LatencyCycles(Hls with { ClockPeriodNs = 1.5 });

        Assert.True(fast.LayerCost(0, Jet[0], 8, 16) > slow.LayerCost(0, Jet[0], 8, 16));
    }
}
