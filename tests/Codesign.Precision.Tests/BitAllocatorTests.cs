using Codesign.Core.Diagnostics;

namespace Codesign.Precision.Tests;

public class BitAllocatorTests
{
    private static readonly IReadOnlyList<LayerDescription> Jet = TestNetworks.JetTagger();

    [Fact]
    public void Fractions_of_the_uniform_8_bit_cost_are_multiplied_out()
    {
        var result = new BitAllocator().Allocate(new AllocationRequest
        {
            Layers = Jet,
            Budgets = [CostBudget.FractionOfUniform(new BopsCostModel(), 0.5), CostBudget.FractionOfUniform(new WeightMemoryCostModel(), 0.5)],
        });

        // Uniform 8 bits, activations 11 (input 16): 1024·156 + 2048·113 + 1024·112 + 160·112.
        var bops = result.Budgets[0];
        Assert.Equal((523_776.0, 261_888.0, 0.5, 8), (bops.UniformCost, bops.Limit, bops.Fraction!.Value, bops.UniformBits));
        Assert.True(bops.Total <= bops.Limit);
        Assert.Equal(128_448.0, bops.CheapestCost);

        var memory = result.Budgets[1];
        Assert.Equal((34_048.0, 17_024.0), (memory.UniformCost, memory.Limit));
        Assert.True(memory.Total <= memory.Limit);
        Assert.Equal(Enumerable.Range(0, 4).Sum(i => Jet[i].Weights.Length * (double)result.WeightBits[i]), memory.Total);
        Assert.Equal(AllocationStatus.Optimal, result.Status);
    }

    [Fact]
    public void Chosen_widths_report_the_activation_widths_they_imply()
    {
        var result = new BitAllocator().Allocate(new AllocationRequest
        {
            Layers = Jet,
            Budgets = [CostBudget.FractionOfUniform(new BopsCostModel(), 0.6)],
        });

        var layers = result.Layers;
        Assert.Equal(16, layers[0].InputActivationBits);
        for (var i = 0; i < layers.Count; i++)
        {
            Assert.Equal(layers[i].WeightBits + 3, layers[i].OutputActivationBits);
            if (i > 0)
            {
                Assert.Equal(layers[i - 1].OutputActivationBits, layers[i].InputActivationBits);
            }
        }

        Assert.Equal(layers.Sum(layer => layer.Omega), result.Objective, 15);
    }

    [Fact]
    public void An_unreachable_budget_names_the_cheapest_achievable_cost_where_it_was_written()
    {
        var span = new SourceSpan("/work/jet_tagger.yaml", 31, 5);
        var error = Assert.Throws<CodesignException>(() => new BitAllocator().Allocate(new AllocationRequest
        {
            Layers = Jet,
            Budgets = [CostBudget.Absolute(new BopsCostModel(), 50_000, span)],
        }));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.BudgetInfeasible, diagnostic.Code);
        Assert.Equal(span, diagnostic.Location);
        Assert.Equal(
            "the bops budget of 50,000 BOPs cannot be met: the cheapest achievable bops is 128,448 BOPs (every layer at 2-bit weights)",
            diagnostic.Message);
    }

    [Fact]
    public void An_unreachable_fraction_shows_the_uniform_cost_it_was_taken_of()
    {
        var error = Assert.Throws<CodesignException>(() => new BitAllocator().Allocate(new AllocationRequest
        {
            Layers = Jet,
            Budgets = [CostBudget.FractionOfUniform(new WeightMemoryCostModel(), 0.2)],
        }));

        // All 2-bit weights are 0.25 of uniform 8-bit memory.
        Assert.Equal(
            "the weight_bits budget of 6,809.6 bits (0.2 × the uniform 8-bit 34,048 bits) cannot be met: the cheapest achievable weight_bits is 8,512 bits (every layer at 2-bit weights)",
            Assert.Single(error.Diagnostics).Message);
    }

    [Fact]
    public void Budgets_that_are_reachable_alone_but_not_together_are_reported_as_infeasible()
    {
        // Two layers with identical costs; the LUT table makes layer 0 cheap only when wide and layer 1 cheap only when narrow,
        // memory needs both narrow.
        var random = new Random(3);
        LayerDescription[] layers = [TestNetworks.Dense("a", 4, 4, 1, random, 0.5), TestNetworks.Dense("b", 4, 4, 1, random, 0.5)];
        var luts = new TableCostModel("luts", "LUTs", [
            new Dictionary<int, double> { [2] = 100, [8] = 0 },
            new Dictionary<int, double> { [2] = 0, [8] = 100 },
        ]);
        var span = new SourceSpan("spec.yaml", 3, 7);
        var error = Assert.Throws<CodesignException>(() => new BitAllocator().Allocate(new AllocationRequest
        {
            Layers = layers,
            CandidateWidths = [2, 8],
            Budgets = [CostBudget.Absolute(luts, 0, span), CostBudget.Absolute(new WeightMemoryCostModel(), 64)],
        }));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal((DiagnosticCodes.BudgetInfeasible, span), (diagnostic.Code, diagnostic.Location));
        Assert.StartsWith("the budgets cannot all be met at once", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("the luts budget of 0 LUTs, cheapest alone 0 LUTs (weights 8, 2 bits)", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_budget_every_layer_takes_the_most_accurate_width()
    {
        var result = new BitAllocator().Allocate(new AllocationRequest { Layers = Jet });
        Assert.Equal([8, 8, 8, 8], result.WeightBits);
        Assert.Empty(result.Budgets);
    }

    [Fact]
    public void Equal_sensitivities_are_settled_by_the_lower_cost_then_the_narrower_first_layer()
    {
        var random = new Random(5);
        LayerDescription[] layers = [TestNetworks.Dense("a", 4, 4, 1, random, 0.5), TestNetworks.Dense("b", 4, 4, 1, random, 0.5)];
        double[] omegaByWidth = [10, 4, 1, 0.5, 0.25, 0.125, 0.0625];
        var request = new AllocationRequest
        {
            Layers = layers,
            Sensitivities = SensitivityTable.FromValues(WeightWidths.Default, [omegaByWidth, omegaByWidth]),
            // 7 bits per weight on average: (3, 4) and (4, 3) tie at Ω = 5 and at the same memory.
            Budgets = [CostBudget.Absolute(new WeightMemoryCostModel(), 16 * 7)],
        };
        Assert.Equal([3, 4], new BitAllocator().Allocate(request).WeightBits);

        var flat = request with
        {
            Sensitivities = SensitivityTable.FromValues(WeightWidths.Default, [new double[7], new double[7]]),
            Budgets = [CostBudget.Absolute(new BopsCostModel(), 1e9)],
        };
        Assert.Equal([2, 2], new BitAllocator().Allocate(flat).WeightBits);
    }

    [Fact]
    public void The_same_request_gives_the_same_allocation_every_time()
    {
        var request = new AllocationRequest
        {
            Layers = Jet,
            Budgets = [CostBudget.FractionOfUniform(new BopsCostModel(), 0.45), CostBudget.FractionOfUniform(new WeightMemoryCostModel(), 0.6)],
        };

        var reports = Enumerable.Range(0, 3).Select(_ => AllocationReport.From(new BitAllocator().Allocate(request)).ToJson()).ToArray();
        Assert.Equal(reports[0], reports[1]);
        Assert.Equal(reports[0], reports[2]);
    }

    [Fact]
    public void A_fixed_activation_width_prices_every_hidden_layer_at_that_width()
    {
        var result = new BitAllocator().Allocate(new AllocationRequest
        {
            Layers = Jet,
            Activations = ActivationWidthRule.Fixed(8),
            Budgets = [CostBudget.FractionOfUniform(new BopsCostModel(), 0.5)],
        });

        Assert.Equal([16, 8, 8, 8], result.Layers.Select(layer => layer.InputActivationBits));
        Assert.All(result.Layers, layer => Assert.Equal(8, layer.OutputActivationBits));
        var bops = new BopsCostModel();
        var expected = Enumerable.Range(0, 4).Sum(i => bops.LayerCost(i, Jet[i], 8, i == 0 ? 16 : 8));
        Assert.Equal(expected, result.Budgets[0].UniformCost);
    }

    [Fact]
    public void A_hardware_table_can_be_budgeted_like_any_other_cost()
    {
        // 100 LUTs per bit of width in every layer; 2,000 LUTs allow 20 bits over the four layers.
        var perLayer = Enumerable.Range(0, 4)
            .Select(_ => (IReadOnlyDictionary<int, double>)WeightWidths.Default.ToDictionary(bits => bits, bits => bits * 100.0))
            .ToArray();
        var result = new BitAllocator().Allocate(new AllocationRequest
        {
            Layers = Jet,
            Budgets = [CostBudget.Absolute(new TableCostModel("luts", "LUTs", perLayer), 2000)],
        });

        Assert.Equal(2000.0, result.Budgets[0].Total);
        Assert.Equal(20, result.WeightBits.Sum());
    }

    [Fact]
    public void A_configuration_over_its_limit_by_less_than_the_integer_resolution_is_still_excluded()
    {
        // 8-bit layer a costs 1 + 2^-52: one unit of integer slack lets it through CP-SAT, the check in double does not.
        var random = new Random(9);
        LayerDescription[] layers = [TestNetworks.Dense("a", 4, 4, 1, random, 0.5), TestNetworks.Dense("b", 4, 4, 1, random, 0.5)];
        var table = new TableCostModel("luts", "LUTs", [
            new Dictionary<int, double> { [2] = 0, [8] = 1 + Math.ScaleB(1.0, -52) },
            new Dictionary<int, double> { [2] = 0, [8] = 0 },
        ]);

        var result = new BitAllocator().Allocate(new AllocationRequest
        {
            Layers = layers,
            CandidateWidths = [2, 8],
            Budgets = [CostBudget.Absolute(table, 1.0)],
        });

        Assert.Equal([2, 8], result.WeightBits);
        Assert.Equal(0.0, result.Budgets[0].Total);
    }

    [Fact]
    public void A_search_that_runs_out_of_time_before_any_solution_is_a_diagnostic()
    {
        var span = new SourceSpan("spec.yaml", 4, 3);
        var request = new AllocationRequest
        {
            Layers = Jet,
            Budgets = [CostBudget.FractionOfUniform(new BopsCostModel(), 0.5, location: span)],
        };

        // Presolve alone takes longer than this (deterministic) limit, so no configuration is ever found.
        var error = Assert.Throws<CodesignException>(() => new BitAllocator(maxDeterministicTime: 1e-9).Allocate(request));
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal((DiagnosticCodes.AllocationSearchLimit, span), (diagnostic.Code, diagnostic.Location));
        Assert.Contains("deterministic time limit of 1E-09 s", diagnostic.Message, StringComparison.Ordinal);
    }
}
