using System.Text.Json;
using Codesign.Core.Artifacts;
using Codesign.Core.Spec;
using Codesign.Precision;
using Codesign.Training.Hessian;

namespace Codesign.Cli.Pipeline;

/// <summary>Turns the spec, the Hessian report and the float weights into the allocator's inputs.</summary>
internal static class AllocationSetup
{
    /// <summary>The analysed layers in order; a convolution is priced at every output pixel of its inferred output shape.</summary>
    public static IReadOnlyList<LayerDescription> Layers(CodesignSpec spec, StagePaths paths)
    {
        var hessian = JsonSerializer.Deserialize<HessianReport>(File.ReadAllText(paths.HessianReportFile), ReportJson.Options)!;
        var weights = TensorFile.Read(paths.FloatWeightsFile).ToDictionary(t => t.Name, StringComparer.Ordinal);
        var layers = spec.Model.Layers.ToDictionary(layer => layer.Name, StringComparer.Ordinal);
        return hessian.Layers.Select(layer =>
        {
            var weight = weights[$"{layer.Layer}.weight"];
            return layers.TryGetValue(layer.Layer, out var layerSpec) && layerSpec.Kind == LayerKind.Conv2d
                ? LayerDescription.FromConvWeight(layer.Layer, weight, layerSpec.OutputShape[0] * layerSpec.OutputShape[1], layer.Trace)
                : LayerDescription.FromDenseWeight(layer.Layer, weight, layer.Trace);
        }).ToList();
    }

    public static ActivationWidthRule Activations(CodesignSpec spec) => spec.Allocation.ActivationBits is { } fixedBits
        ? ActivationWidthRule.Fixed(fixedBits, spec.Precision!.InputBits)
        : ActivationWidthRule.WeightsPlus(spec.Allocation.ActivationExtraBits, spec.Precision!.InputBits);

    public static CostBudget Budget(BudgetSpec budget, HlsSpec hls)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ILayerCostModel model = budget.Cost switch
        {
            BudgetCost.Bops => new BopsCostModel(),
            BudgetCost.WeightMemory => new WeightMemoryCostModel(),
            BudgetCost.Luts => EstimatedHardwareCostModel.Luts(hls),
            _ => EstimatedHardwareCostModel.LatencyCycles(hls),
        };
        return budget.IsFraction
            ? CostBudget.FractionOfUniform(model, budget.Value, location: budget.Location)
            : CostBudget.Absolute(model, budget.Value, budget.Location);
    }

    /// <summary>The total cost of one configuration of weight widths under a cost model.</summary>
    public static double Cost(ILayerCostModel model, IReadOnlyList<LayerDescription> layers, IReadOnlyList<int> weightBits, ActivationWidthRule activations)
    {
        double total = 0;
        for (var i = 0; i < layers.Count; i++)
        {
            total += model.LayerCost(i, layers[i], weightBits[i], activations.IncomingBits(i, i == 0 ? 0 : weightBits[i - 1]));
        }

        return total;
    }
}
