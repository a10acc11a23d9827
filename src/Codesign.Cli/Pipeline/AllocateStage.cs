using System.Globalization;
using Codesign.Core.Artifacts;
using Codesign.Core.Spec;
using Codesign.Precision;

namespace Codesign.Cli.Pipeline;

/// <summary>
/// Chooses each layer's weight width: minimises the Hessian-weighted quantization error Σ Tr_i/n_i ·‖Q_b(W_i) − W_i‖²
/// under the spec's budgets, with CP-SAT.
/// </summary>
internal sealed class AllocateStage : IStage
{
    public string Name => "allocate";

    public string? NotConfiguredReason(CodesignSpec spec) => MixedPrecisionStages.NotConfiguredReason(spec);

    public string OutputDirectory(StagePaths paths) => paths.AllocationDirectory;

    public SortedDictionary<string, string> SpecInputs(CodesignSpec spec)
    {
        var inputs = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["spec:allocation"] = spec.SectionHashes["allocation"],
            ["spec:precision"] = spec.SectionHashes["precision"],
            ["code"] = StageCodeIdentity.Of(typeof(BitAllocator).Assembly),
        };

        // Hardware budgets are priced at the hls: clock and strategy; only then does that section matter here.
        if (spec.Allocation.Budgets.Any(budget => budget.Cost is BudgetCost.Luts or BudgetCost.LatencyCycles))
        {
            inputs["spec:hls"] = spec.SectionHashes["hls"];
        }

        return inputs;
    }

    public IReadOnlyDictionary<string, string> FileInputs(CodesignSpec spec, StagePaths paths) => new Dictionary<string, string>
    {
        ["hessian"] = paths.HessianReportFile,
        ["float-weights"] = paths.FloatWeightsFile,
    };

    public IReadOnlyList<string> Run(CodesignSpec spec, StagePaths paths, IStageReporter reporter, CancellationToken cancellation)
    {
        var request = new AllocationRequest
        {
            Layers = AllocationSetup.Layers(spec, paths),
            CandidateWidths = spec.Allocation.Widths,
            Activations = AllocationSetup.Activations(spec),
            Budgets = spec.Allocation.Budgets.Select(budget => AllocationSetup.Budget(budget, spec.Hls)).ToList(),
        };
        var result = new BitAllocator().Allocate(request);
        AllocationReport.From(result).Write(paths.AllocationFile);
        var budgets = string.Join("; ", result.Budgets.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.CostModel} {b.Total:N0} of {b.Limit:N0} {b.Unit}")));
        reporter.Info(string.Create(CultureInfo.InvariantCulture,
            $"allocate: {result.Status}: weights {string.Join("/", result.WeightBits)} bits, objective {result.Objective:G5}; {budgets}"));
        return [paths.AllocationFile];
    }
}
