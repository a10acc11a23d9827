using System.Globalization;
using System.Text.Json;
using Codesign.Core.Artifacts;
using Codesign.Core.Spec;
using Codesign.Precision;
using Codesign.Training.Hessian;

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

    public SortedDictionary<string, string> SpecInputs(CodesignSpec spec) => new(StringComparer.Ordinal)
    {
        ["spec:allocation"] = spec.SectionHashes["allocation"],
        ["spec:precision"] = spec.SectionHashes["precision"],
        ["code"] = StageCodeIdentity.Of(typeof(BitAllocator).Assembly),
    };

    public IReadOnlyDictionary<string, string> FileInputs(CodesignSpec spec, StagePaths paths) => new Dictionary<string, string>
    {
        ["hessian"] = paths.HessianReportFile,
        ["float-weights"] = paths.FloatWeightsFile,
    };

    public IReadOnlyList<string> Run(CodesignSpec spec, StagePaths paths, IStageReporter reporter, CancellationToken cancellation)
    {
        var hessian = JsonSerializer.Deserialize<HessianReport>(File.ReadAllText(paths.HessianReportFile), ReportJson.Options)!;
        var weights = TensorFile.Read(paths.FloatWeightsFile).ToDictionary(t => t.Name, StringComparer.Ordinal);
        var layers = hessian.Layers.Select(layer => LayerDescription.FromDenseWeight(layer.Layer, weights[$"{layer.Layer}.weight"], layer.Trace)).ToList();
        var allocation = spec.Allocation;
        var inputBits = spec.Precision!.InputBits;
        var activations = allocation.ActivationBits is { } fixedBits
            ? ActivationWidthRule.Fixed(fixedBits, inputBits)
            : ActivationWidthRule.WeightsPlus(allocation.ActivationExtraBits, inputBits);
        var request = new AllocationRequest
        {
            Layers = layers,
            CandidateWidths = allocation.Widths,
            Activations = activations,
            Budgets = allocation.Budgets.Select(Budget).ToList(),
        };
        var result = new BitAllocator().Allocate(request);
        AllocationReport.From(result).Write(paths.AllocationFile);
        var budgets = string.Join("; ", result.Budgets.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.CostModel} {b.Total:N0} of {b.Limit:N0} {b.Unit}")));
        reporter.Info(string.Create(CultureInfo.InvariantCulture,
            $"allocate: {result.Status}: weights {string.Join("/", result.WeightBits)} bits, objective {result.Objective:G5}; {budgets}"));
        return [paths.AllocationFile];
    }

    private static CostBudget Budget(BudgetSpec budget)
    {
        ILayerCostModel model = budget.Cost == BudgetCost.Bops ? new BopsCostModel() : new WeightMemoryCostModel();
        return budget.IsFraction
            ? CostBudget.FractionOfUniform(model, budget.Value, location: budget.Location)
            : CostBudget.Absolute(model, budget.Value, budget.Location);
    }
}
