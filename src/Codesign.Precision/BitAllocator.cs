using System.Diagnostics;
using System.Globalization;
using Codesign.Core.Diagnostics;
using Google.OrTools.Sat;

namespace Codesign.Precision;

/// <summary>
/// Hessian-aware mixed-precision bit allocation (HAWQ-V3's integer program, solved with CP-SAT): one weight
/// width per layer from the candidates, minimising Σ Ω_i(b_i) subject to every budget. Among configurations
/// with the same (integer-scaled) Ω the lower cost wins, budget by budget in the order given, and then the
/// narrower widths, layer by layer from the first, so the answer is unique and the same on every run.
/// </summary>
public sealed class BitAllocator
{
    /// <param name="maxDeterministicTime">
    /// CP-SAT's deterministic time limit per solve (roughly seconds, but counted in work, so a limit that is hit
    /// is hit at the same point on every machine). A jet-tagger-sized problem needs a tiny fraction of it.
    /// </param>
    public BitAllocator(double maxDeterministicTime = 60.0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxDeterministicTime);
        MaxDeterministicTime = maxDeterministicTime;
    }

    public double MaxDeterministicTime { get; }

    /// <exception cref="CodesignException">
    /// <see cref="DiagnosticCodes.BudgetInfeasible"/> when no configuration meets a budget (or all of them
    /// at once), naming the cheapest achievable cost; <see cref="DiagnosticCodes.AllocationSearchLimit"/>
    /// when the time limit ran out before any configuration was found.
    /// </exception>
    public AllocationResult Allocate(AllocationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stopwatch = Stopwatch.StartNew();
        var layers = request.Layers;
        if (layers.Count == 0)
        {
            throw new ArgumentException("there are no layers to allocate", nameof(request));
        }

        var widths = WeightWidths.Normalize(request.CandidateWidths);
        var rule = request.Activations;
        var sensitivities = request.Sensitivities ?? SensitivityTable.Compute(layers, widths);
        if (sensitivities.LayerCount != layers.Count || !sensitivities.Widths.SequenceEqual(widths))
        {
            throw new ArgumentException("the sensitivity table must have one row per layer over the candidate widths", nameof(request));
        }

        var budgets = request.Budgets.Select(b => ResolvedBudget.Resolve(b, layers, widths, rule)).ToList();
        ThrowIfAnyUnreachable(budgets);

        var scaledBudgets = budgets.Select(b => ScaledCost.Create(b.Table)).ToList();
        var pairwise = Enumerable.Range(0, layers.Count).Select(i => budgets.Any(b => b.Table.IsPairwise(i))).ToArray();
        var search = new AllocationSearch(layers.Count, widths.Count, pairwise, MaxDeterministicTime);
        for (var b = 0; b < budgets.Count; b++)
        {
            if (scaledBudgets[b].Bound(budgets[b].Limit) is { } bound)
            {
                search.AddAtMost(search.Expression(scaledBudgets[b].Coefficients), bound);
            }
        }

        // Start from the first budget's cheapest configuration: it meets that budget, and with a single budget
        // it is a solution the search only has to improve on.
        var objective = ScaledObjective.Coefficients(sensitivities);
        var start = budgets.Count > 0 ? budgets[0].CheapestChoices : null;
        var (status, choices) = MinimizeWithinLimits(search, search.Expression(objective), budgets, start);
        switch (status)
        {
            case CpSolverStatus.Infeasible:
                throw JointlyInfeasible(budgets);
            case CpSolverStatus.Unknown:
                throw new CodesignException(
                    DiagnosticCodes.AllocationSearchLimit,
                    budgets.Count > 0 ? budgets[0].Budget.Location : default,
                    string.Create(CultureInfo.InvariantCulture, $"bit allocation found no configuration within its deterministic time limit of {MaxDeterministicTime} s; raise the limit or narrow the candidate widths"));
            case CpSolverStatus.Optimal:
                choices = BreakTies(search, objective, scaledBudgets, budgets, choices!);
                break;
            case CpSolverStatus.Feasible:
                break;
            default:
                throw new InvalidOperationException($"CP-SAT rejected the allocation model: {status}");
        }

        return Describe(status == CpSolverStatus.Optimal ? AllocationStatus.Optimal : AllocationStatus.Feasible, choices!, request, widths, sensitivities, budgets, stopwatch.Elapsed);
    }

    /// <summary>
    /// Solves and keeps solving while the solution breaks a limit in double (possible only within the integer
    /// slack of <see cref="ScaledCost"/>), ruling each such configuration out.
    /// </summary>
    private static (CpSolverStatus Status, int[]? Choices) MinimizeWithinLimits(
        AllocationSearch search, LinearExpr objective, IReadOnlyList<ResolvedBudget> budgets, IReadOnlyList<int>? hint)
    {
        while (true)
        {
            var (status, choices) = search.Minimize(objective, hint);
            if (choices is null || budgets.All(b => b.IsMetBy(choices)))
            {
                return (status, choices);
            }

            search.Exclude(choices);
            hint = null;
        }
    }

    /// <summary>
    /// Fixes the optimal Ω and narrows the optimal set step by step: lowest cost per budget in order, then the
    /// narrowest width per layer. A step that stops at the time limit keeps the previous step's answer.
    /// </summary>
    private static int[] BreakTies(
        AllocationSearch search, long[][] objective, IReadOnlyList<ScaledCost> scaledBudgets, IReadOnlyList<ResolvedBudget> budgets, int[] choices)
    {
        search.AddEqual(search.Expression(objective), ValueOf(objective, choices, search.WidthCount));
        foreach (var scaled in scaledBudgets)
        {
            var (status, better) = MinimizeWithinLimits(search, search.Expression(scaled.Coefficients), budgets, choices);
            if (status != CpSolverStatus.Optimal)
            {
                return choices;
            }

            choices = better!;
            search.AddEqual(search.Expression(scaled.Coefficients), ValueOf(scaled.Coefficients, choices, search.WidthCount));
        }

        for (var i = 0; i < choices.Length; i++)
        {
            var (status, better) = MinimizeWithinLimits(search, search.ChoiceIndex(i), budgets, choices);
            if (status != CpSolverStatus.Optimal)
            {
                return choices;
            }

            choices = better!;
            search.AddEqual(search.ChoiceIndex(i), choices[i]);
        }

        return choices;
    }

    private static long ValueOf(long[][] coefficients, int[] choices, int widthCount)
    {
        var value = 0L;
        for (var i = 0; i < choices.Length; i++)
        {
            var pairwise = coefficients[i].Length != widthCount;
            value += coefficients[i][pairwise ? (choices[i - 1] * widthCount) + choices[i] : choices[i]];
        }

        return value;
    }

    private static void ThrowIfAnyUnreachable(List<ResolvedBudget> budgets)
    {
        var diagnostics = budgets
            .Where(b => b.CheapestCost > b.Limit)
            .Select(b => Diagnostic.Error(
                DiagnosticCodes.BudgetInfeasible,
                b.Budget.Location,
                $"{b.Describe()} cannot be met: the cheapest achievable {b.Budget.Model.Name} is {b.DescribeCheapest()}"))
            .ToList();
        if (diagnostics.Count > 0)
        {
            throw new CodesignException(diagnostics);
        }
    }

    private static CodesignException JointlyInfeasible(List<ResolvedBudget> budgets)
    {
        var each = string.Join("; ", budgets.Select(b => $"{b.Describe()}, cheapest alone {b.DescribeCheapest()}"));
        return new CodesignException(
            DiagnosticCodes.BudgetInfeasible,
            budgets[0].Budget.Location,
            $"the budgets cannot all be met at once, though each can alone: {each}");
    }

    private static AllocationResult Describe(
        AllocationStatus status,
        int[] choices,
        AllocationRequest request,
        IReadOnlyList<int> widths,
        SensitivityTable sensitivities,
        IReadOnlyList<ResolvedBudget> budgets,
        TimeSpan elapsed)
    {
        var rule = request.Activations;
        var layers = new LayerAllocation[choices.Length];
        var objective = 0.0;
        for (var i = 0; i < choices.Length; i++)
        {
            var bits = widths[choices[i]];
            var omega = sensitivities.Omega(i, choices[i]);
            objective += omega;
            layers[i] = new LayerAllocation(
                request.Layers[i].Name,
                bits,
                rule.IncomingBits(i, i == 0 ? 0 : widths[choices[i - 1]]),
                rule.OutputBits(bits),
                omega);
        }

        var outcomes = budgets.Select(b => new BudgetOutcome(
            b.Budget.Model.Name,
            b.Budget.Model.Unit,
            b.Table.Total(choices),
            b.Limit,
            b.Budget.Kind == BudgetKind.FractionOfUniform ? b.Budget.Value : null,
            b.Budget.UniformBits,
            b.UniformCost,
            b.CheapestCost)).ToArray();
        return new AllocationResult(status, objective, layers, outcomes, rule, sensitivities, elapsed);
    }
}
