using Codesign.Core.Diagnostics;
using Codesign.Core.Spec.Yaml;

namespace Codesign.Core.Spec;

internal static class MixedPrecisionSectionReader
{
    private static readonly Dictionary<string, BudgetCost> Costs = new(StringComparer.Ordinal)
    {
        ["bops"] = BudgetCost.Bops,
        ["weight_memory"] = BudgetCost.WeightMemory,
        ["luts"] = BudgetCost.Luts,
        ["latency_cycles"] = BudgetCost.LatencyCycles,
    };

    private static readonly int[] DefaultWidths = [2, 3, 4, 5, 6, 7, 8];

    public static HessianSpec ReadHessian(MappingReader? reader, SourceSpan rootSpan)
    {
        var spec = new HessianSpec(
            reader?.Integer("batches", 4, 1, 10_000) ?? 4,
            reader?.Integer("batch_size", 256, 1, 1 << 20) ?? 256,
            reader?.Seed("seed", SpecDefaults.TrainingSeed) ?? SpecDefaults.TrainingSeed,
            reader?.Number("trace_tolerance", 1e-2, 0, 1) ?? 1e-2,
            reader?.Integer("min_probes", 10, 2, 100_000) ?? 10,
            reader?.Integer("max_probes", 200, 2, 100_000) ?? 200,
            reader?.Number("eigen_tolerance", 1e-4, 0, 1) ?? 1e-4,
            reader?.Integer("max_iterations", 100, 1, 100_000) ?? 100,
            reader?.Span ?? rootSpan);
        if (reader is not null && spec.MinProbes > spec.MaxProbes)
        {
            reader.Diagnostics.Error(DiagnosticCodes.InconsistentSpec, reader.KeySpan("min_probes"),
                $"'hessian.min_probes' ({spec.MinProbes}) must not exceed 'hessian.max_probes' ({spec.MaxProbes})");
        }

        reader?.RejectUnknownKeys(SpecKeys.Hessian);
        return spec;
    }

    public static AllocationSpec ReadAllocation(MappingReader? reader, SourceSpan rootSpan)
    {
        if (reader is null)
        {
            return new AllocationSpec(DefaultWidths, null, SpecDefaults.ActivationExtraBits, [], rootSpan);
        }

        var widths = new List<int>();
        if (reader.Sequence("widths") is { } widthNodes)
        {
            for (var i = 0; i < widthNodes.Items.Count; i++)
            {
                var width = reader.IntegerValue(widthNodes.Items[i], $"allocation.widths[{i}]", 8, 2, 16);
                if (widths.Contains(width))
                {
                    reader.Diagnostics.Error(DiagnosticCodes.DuplicateKey, widthNodes.Items[i].Span, $"width {width} appears twice in 'allocation.widths'");
                }

                widths.Add(width);
            }

            if (widthNodes.Items.Count == 0)
            {
                reader.Diagnostics.Error(DiagnosticCodes.OutOfRange, widthNodes.Span, "'allocation.widths' must list at least one width");
            }
        }

        int? activationBits = reader.Has("activation_bits") ? reader.Integer("activation_bits", 8, 2, 24) : null;
        var extraBits = reader.Integer("activation_extra_bits", SpecDefaults.ActivationExtraBits, 0, 16);
        if (activationBits is not null && reader.Has("activation_extra_bits"))
        {
            reader.Diagnostics.Error(DiagnosticCodes.InconsistentSpec, reader.KeySpan("activation_extra_bits"),
                "'allocation.activation_extra_bits' and 'allocation.activation_bits' exclude each other: activations either follow the weights or have a fixed width");
        }

        var budgets = ReadBudgets(reader);
        reader.RejectUnknownKeys(SpecKeys.Allocation);
        return new AllocationSpec(widths.Count > 0 ? widths.Order().ToList() : DefaultWidths, activationBits, extraBits, budgets, reader.Span);
    }

    private static List<BudgetSpec> ReadBudgets(MappingReader reader)
    {
        var budgets = new List<BudgetSpec>();
        if (reader.Sequence("budgets") is not { } items)
        {
            return budgets;
        }

        for (var i = 0; i < items.Items.Count; i++)
        {
            var path = $"allocation.budgets[{i}]";
            if (items.Items[i] is not YamlMappingNode mapping)
            {
                reader.Diagnostics.Error(DiagnosticCodes.WrongType, items.Items[i].Span, $"'{path}' must be a mapping such as '{{ cost: bops, fraction: 0.5 }}'");
                continue;
            }

            var budget = new MappingReader(mapping, path, reader.Diagnostics);
            var costNode = budget.Required("cost", "'bops', 'weight_memory', 'luts' or 'latency_cycles'");
            var cost = costNode is null ? BudgetCost.Bops : budget.ChoiceValue(costNode, $"{path}.cost", BudgetCost.Bops, Costs);
            var hasFraction = budget.Has("fraction");
            var hasLimit = budget.Has("limit");
            if (hasFraction == hasLimit)
            {
                _ = budget.Find("fraction");
                _ = budget.Find("limit");
                reader.Diagnostics.Error(DiagnosticCodes.InconsistentSpec, mapping.Span,
                    $"'{path}' needs exactly one of 'fraction' (of the uniform 8-bit cost) or 'limit' (in the cost's unit)");
            }

            var value = hasFraction ? budget.Number("fraction", 1, 0, 10, minExclusive: true) : budget.Number("limit", 1, 0, 1e18, minExclusive: true);
            budget.RejectUnknownKeys(SpecKeys.Budget);
            budgets.Add(new BudgetSpec(cost, hasFraction, value, mapping.Span));
        }

        return budgets;
    }
}
