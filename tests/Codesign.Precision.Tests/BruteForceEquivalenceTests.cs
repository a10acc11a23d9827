using Codesign.Core.Diagnostics;
using Xunit.Abstractions;

namespace Codesign.Precision.Tests;

/// <summary>The CP-SAT allocation against exhaustive enumeration on seeded random problems.</summary>
public class BruteForceEquivalenceTests(ITestOutputHelper output)
{
    private const int Instances = 200;

    [Fact]
    public void Cp_sat_finds_the_brute_force_optimum_on_random_instances()
    {
        var tally = new Dictionary<string, int>();
        var solveTimes = new List<TimeSpan>();
        for (var seed = 0; seed < Instances; seed++)
        {
            var (outcome, solveTime) = CheckInstance(seed);
            tally[outcome] = tally.GetValueOrDefault(outcome) + 1;
            solveTimes.AddRange(solveTime is { } time ? [time] : []);
        }

        output.WriteLine($"allocator time: total {solveTimes.Sum(t => t.TotalSeconds):F1} s, slowest {solveTimes.Max().TotalMilliseconds:F0} ms");
        output.WriteLine(string.Join(", ", tally.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}: {pair.Value}")));
        Assert.Equal(Instances, tally.Values.Sum());
    }

    /// <summary>What kind of instance it was and how it compared, and the allocator's time when it answered.</summary>
    private static (string Outcome, TimeSpan? SolveTime) CheckInstance(int seed)
    {
        var random = new Random(seed);
        var widths = WeightWidths.Default;
        var layerCount = random.Next(2, 6);
        var layers = Enumerable.Range(0, layerCount)
            .Select(i => TestNetworks.Dense($"l{i}", random.Next(1, 65), random.Next(1, 65), random.NextDouble() * 10, random, Math.Pow(2, random.Next(-4, 2))))
            .ToArray();
        var rule = random.Next(2) == 0
            ? ActivationWidthRule.WeightsPlus(random.Next(0, 5), random.Next(2) == 0 ? 16 : 8)
            : ActivationWidthRule.Fixed(random.Next(2, 17), random.Next(2) == 0 ? 16 : 8);

        // Half the instances use the layers' real sensitivities, half arbitrary ones with per-layer scales far apart.
        var omegas = random.Next(2) == 0
            ? SensitivityTable.Compute(layers, widths)
            : SensitivityTable.FromValues(widths, layers.Select(_ =>
            {
                var scale = Math.Pow(10, (random.NextDouble() * 6) - 3);
                return (IReadOnlyList<double>)widths.Select(_ => random.NextDouble() * scale).ToArray();
            }).ToArray());

        var brute = new BruteForce(layers, widths, rule, omegas);
        var configurations = brute.Configurations().ToArray();
        var budgets = new List<CostBudget>();
        var costsByBudget = new List<double[]>();
        var budgetCount = random.Next(1, 3);
        for (var b = 0; b < budgetCount; b++)
        {
            ILayerCostModel model = random.Next(5) switch
            {
                0 => new BopsCostModel(),
                1 => new WeightMemoryCostModel(),
                2 => new RandomPairCostModel((seed * 7) + b, integral: true),
                3 => new RandomPairCostModel((seed * 7) + b, integral: false),
                _ => new RandomPairCostModel((seed * 7) + b, integral: false, offset: 1e13),
            };
            var costs = configurations.Select(c => brute.Cost(model, c)).ToArray();
            var limit = random.Next(10) switch
            {
                0 => costs.Min(),                                   // exactly the cheapest: must be feasible
                1 => costs[random.Next(costs.Length)],              // exactly some configuration's cost: on the boundary
                _ => costs.Min() + (random.NextDouble() * (costs.Max() - costs.Min())),
            };
            costsByBudget.Add(costs);
            budgets.Add(random.Next(3) == 0
                ? CostBudget.FractionOfUniform(model, limit / brute.UniformCost(model, 8))
                : CostBudget.Absolute(model, limit));
        }

        var limits = budgets.Select(b => b.Kind == BudgetKind.Absolute ? b.Value : b.Value * brute.UniformCost(b.Model, 8)).ToArray();
        var feasible = Enumerable.Range(0, configurations.Length)
            .Where(c => Enumerable.Range(0, budgets.Count).All(b => costsByBudget[b][c] <= limits[b]))
            .Select(c => (Choices: configurations[c], Objective: brute.Objective(configurations[c])))
            .OrderBy(c => c.Objective)
            .ToArray();

        var request = new AllocationRequest { Layers = layers, CandidateWidths = widths, Activations = rule, Budgets = budgets, Sensitivities = omegas };
        var label = $"seed {seed}: {layerCount} layers, {rule}, {string.Join(" + ", budgets.Select(b => b.Model.Name))}";
        if (feasible.Length == 0)
        {
            var error = Assert.Throws<CodesignException>(() => new BitAllocator().Allocate(request));
            Assert.All(error.Diagnostics, d => Assert.Equal(DiagnosticCodes.BudgetInfeasible, d.Code));
            return ("infeasible", null);
        }

        var result = new BitAllocator().Allocate(request);
        Assert.Equal(AllocationStatus.Optimal, result.Status);
        var chosen = result.WeightBits.Select(bits => widths.ToList().IndexOf(bits)).ToArray();
        for (var b = 0; b < budgets.Count; b++)
        {
            Assert.True(brute.Cost(budgets[b].Model, chosen) <= limits[b], $"{label}: budget {b} exceeded");
            Assert.Equal(brute.Cost(budgets[b].Model, chosen), result.Budgets[b].Total);
            Assert.Equal(limits[b], result.Budgets[b].Limit);
        }

        Assert.Equal(brute.Objective(chosen), result.Objective);

        // The allocator resolves Ω to 1e-9 of the largest per-layer spread; allow that per layer.
        var spread = Enumerable.Range(0, layerCount).Max(i => omegas.Row(i).Max() - omegas.Row(i).Min());
        var tolerance = (2 * layerCount * spread * 1e-9) + (1e-12 * feasible[0].Objective);
        var best = feasible[0];
        Assert.True(result.Objective <= best.Objective + tolerance, $"{label}: CP-SAT {result.Objective} vs brute force {best.Objective}");

        var coupling = rule.FollowsWeights && budgets.Any(b => b.Model is BopsCostModel or RandomPairCostModel) ? "coupled" : "separable";
        var binding = configurations.Min(brute.Objective) < best.Objective - tolerance ? "binding" : "slack";
        var kind = $"{coupling} {binding}";
        var unique = feasible.Length == 1 || feasible[1].Objective > best.Objective + tolerance;
        if (unique)
        {
            Assert.Equal(best.Choices, chosen);
            return ($"{kind}, unique optimum, widths equal", result.SolveTime);
        }

        return ($"{kind}, tied optimum, objective equal", result.SolveTime);
    }
}
