using System.Globalization;
using Google.OrTools.Sat;

namespace Codesign.Precision;

/// <summary>
/// The CP-SAT model of a bit allocation. Layer i chooses exactly one candidate width through one-hot booleans
/// x[i][k]. A cost that depends on two neighbouring choices (BOPs of layer i under "activations = weights of
/// layer i−1 + k") is written over pair booleans y[i][j,k] = x[i−1][j] ∧ x[i][k], linked by
/// Σ_k y[i][j,k] = x[i−1][j] and Σ_j y[i][j,k] = x[i][k]: with one-hot x these force y to be exactly the
/// product, and the linking is the tight (marginal) form of the product's linearisation. Everything else is
/// linear in x. Solves are deterministic: one worker, a fixed seed and a deterministic (not wall-clock) time limit.
/// </summary>
internal sealed class AllocationSearch
{
    private const int Seed = 1;

    private readonly CpModel model = new();
    private readonly BoolVar[][] choose;
    private readonly BoolVar[]?[] pairs;
    private readonly string parameters;

    public AllocationSearch(int layerCount, int widthCount, IReadOnlyList<bool> pairwiseLayers, double maxDeterministicTime)
    {
        WidthCount = widthCount;
        parameters = string.Create(CultureInfo.InvariantCulture, $"num_workers:1 random_seed:{Seed} max_deterministic_time:{maxDeterministicTime:R}");
        choose = new BoolVar[layerCount][];
        for (var i = 0; i < layerCount; i++)
        {
            choose[i] = Enumerable.Range(0, widthCount).Select(k => model.NewBoolVar($"x_{i}_{k}")).ToArray();
            model.AddExactlyOne(choose[i]);
        }

        pairs = new BoolVar[]?[layerCount];
        for (var i = 1; i < layerCount; i++)
        {
            if (pairwiseLayers[i])
            {
                pairs[i] = LinkPairs(i);
            }
        }
    }

    public int WidthCount { get; }

    /// <summary>Σ coefficient·indicator over the layers; a pairwise layer's coefficients are indexed previous·K + own.</summary>
    public LinearExpr Expression(long[][] coefficients)
    {
        var builder = LinearExpr.NewBuilder();
        for (var i = 0; i < choose.Length; i++)
        {
            var indicators = coefficients[i].Length == WidthCount ? choose[i] : pairs[i]!;
            for (var v = 0; v < indicators.Length; v++)
            {
                if (coefficients[i][v] != 0)
                {
                    builder.AddTerm(indicators[v], coefficients[i][v]);
                }
            }
        }

        return builder;
    }

    /// <summary>The width index of one layer, for the lexicographic tie-break.</summary>
    public LinearExpr ChoiceIndex(int layer) =>
        LinearExpr.WeightedSum(choose[layer], Enumerable.Range(0, WidthCount).Select(k => (long)k));

    public void AddAtMost(LinearExpr expression, long bound) => model.Add(expression <= bound);

    public void AddEqual(LinearExpr expression, long value) => model.Add(expression == value);

    /// <summary>Rules out one exact configuration (one that rounding let through but a limit rejects in double).</summary>
    public void Exclude(IReadOnlyList<int> choices) =>
        model.AddBoolOr(choices.Select((k, i) => choose[i][k].Not()));

    /// <summary>Minimises <paramref name="objective"/>, starting from <paramref name="hint"/> when given.</summary>
    public (CpSolverStatus Status, int[]? Choices) Minimize(LinearExpr objective, IReadOnlyList<int>? hint)
    {
        model.Minimize(objective);
        model.ClearHints();
        if (hint is not null)
        {
            for (var i = 0; i < choose.Length; i++)
            {
                for (var k = 0; k < WidthCount; k++)
                {
                    model.AddHint(choose[i][k], hint[i] == k);
                }

                // A complete hint (pairs included) is checked as a whole before the search starts.
                if (pairs[i] is { } y)
                {
                    for (var v = 0; v < y.Length; v++)
                    {
                        model.AddHint(y[v], v == (hint[i - 1] * WidthCount) + hint[i]);
                    }
                }
            }
        }

        using var solver = new CpSolver { StringParameters = parameters };
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return (status, null);
        }

        var choices = new int[choose.Length];
        for (var i = 0; i < choose.Length; i++)
        {
            choices[i] = Array.FindIndex(choose[i], x => solver.BooleanValue(x));
        }

        return (status, choices);
    }

    private BoolVar[] LinkPairs(int layer)
    {
        var y = new BoolVar[WidthCount * WidthCount];
        for (var previous = 0; previous < WidthCount; previous++)
        {
            for (var own = 0; own < WidthCount; own++)
            {
                y[(previous * WidthCount) + own] = model.NewBoolVar($"y_{layer}_{previous}_{own}");
            }
        }

        for (var previous = 0; previous < WidthCount; previous++)
        {
            var row = Enumerable.Range(0, WidthCount).Select(own => y[(previous * WidthCount) + own]);
            model.Add(LinearExpr.Sum(row) == choose[layer - 1][previous]);
        }

        for (var own = 0; own < WidthCount; own++)
        {
            var column = Enumerable.Range(0, WidthCount).Select(previous => y[(previous * WidthCount) + own]);
            model.Add(LinearExpr.Sum(column) == choose[layer][own]);
        }

        return y;
    }
}
