using Codesign.Core.Diagnostics;
using Codesign.Core.Spec;

namespace Codesign.Core.Tests;

public class QuantizationSpecTests
{
    [Fact]
    public void Uniform_precision_defaults_activations_to_weights_plus_three()
    {
        var spec = SpecText.Parse(SpecText.Minimal + "\nprecision: { weights: 6 }\n");

        Assert.Equal(new PrecisionSpec(PrecisionMode.Uniform, 6, 9, 16, 16, spec.Precision!.Location), spec.Precision);
        Assert.Equal(SpecDefaults.QatEpochs, spec.Qat.Settings.Epochs);
        Assert.Equal(SpecDefaults.QatLearningRate, spec.Qat.Settings.LearningRate);
    }

    [Fact]
    public void Without_precision_nothing_is_quantized()
    {
        Assert.Null(SpecText.Parse(SpecText.Minimal).Precision);
    }

    [Fact]
    public void Qat_reads_training_keys_with_its_own_defaults_and_warmup()
    {
        var spec = SpecText.Parse(SpecText.Minimal + "\nprecision: { weights: 8 }\nqat:\n  epochs: 4\n  schedule: cosine\n  activation_warmup_epochs: 2\n");

        Assert.Equal(4, spec.Qat.Settings.Epochs);
        Assert.Equal(ScheduleKind.Cosine, spec.Qat.Settings.Schedule.Kind);
        Assert.Equal(2, spec.Qat.ActivationWarmupEpochs);
    }

    [Fact]
    public void Qat_without_precision_is_inconsistent()
    {
        var error = SpecText.SingleError(SpecText.Minimal + "\nqat: { epochs: 3 }\n");

        Assert.Equal((DiagnosticCodes.InconsistentSpec, 8, 1), (error.Code, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Warmup_must_end_before_training_does()
    {
        var error = SpecText.SingleError(SpecText.Minimal + "\nprecision: { weights: 8 }\nqat: { epochs: 3, activation_warmup_epochs: 3 }\n");

        Assert.Equal(DiagnosticCodes.InconsistentSpec, error.Code);
        Assert.Contains("must be smaller than 'qat.epochs'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mixed_precision_reads_hessian_and_allocation()
    {
        var spec = SpecText.Parse(SpecText.Minimal + """

            precision: { mode: mixed, input: 12 }
            hessian: { batches: 2, max_probes: 50 }
            allocation:
              widths: [8, 4, 6]
              budgets:
                - { cost: bops, fraction: 0.5 }
                - { cost: weight_memory, limit: 20000 }
            """);

        Assert.Equal(PrecisionMode.Mixed, spec.Precision!.Mode);
        Assert.Equal(12, spec.Precision.InputBits);
        Assert.Equal((2, 50), (spec.Hessian.Batches, spec.Hessian.MaxProbes));
        Assert.Equal([4, 6, 8], spec.Allocation.Widths);
        Assert.Equal(3, spec.Allocation.ActivationExtraBits);
        Assert.Equal([(BudgetCost.Bops, true, 0.5), (BudgetCost.WeightMemory, false, 20000.0)], spec.Allocation.Budgets.Select(b => (b.Cost, b.IsFraction, b.Value)));
    }

    [Fact]
    public void Uniform_widths_do_not_mix_with_mixed_mode()
    {
        var error = SpecText.SingleError(SpecText.Minimal + "\nprecision: { mode: mixed, weights: 6 }\n");

        Assert.Equal((DiagnosticCodes.InconsistentSpec, 8, 27), (error.Code, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Allocation_needs_mixed_precision()
    {
        var error = SpecText.SingleError(SpecText.Minimal + "\nprecision: { weights: 6 }\nallocation: { widths: [4, 8] }\n");

        Assert.Equal(DiagnosticCodes.InconsistentSpec, error.Code);
        Assert.Contains("'allocation' is used only with 'precision: { mode: mixed }'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Budget_needs_exactly_one_of_fraction_and_limit()
    {
        var errors = SpecText.Errors(SpecText.Minimal + "\nprecision: { mode: mixed }\nallocation:\n  budgets:\n    - { cost: bops }\n    - { cost: bops, fraction: 0.5, limit: 3 }\n    - { cost: energy, limit: 3 }\n");

        Assert.Equal([DiagnosticCodes.InconsistentSpec, DiagnosticCodes.InconsistentSpec, DiagnosticCodes.InvalidChoice], errors.Select(e => e.Code));
        Assert.Equal([11, 12, 13], errors.Select(e => e.Location.Line));
    }

    [Fact]
    public void Budget_and_hessian_edits_change_only_their_own_hashes()
    {
        const string Mixed = "\nprecision: { mode: mixed }\nhessian: { batches: 2 }\nallocation:\n  budgets: [ { cost: bops, fraction: 0.5 } ]\n";
        var before = SpecText.Parse(SpecText.Minimal + Mixed).SectionHashes;
        var budget = SpecText.Parse(SpecText.Minimal + Mixed.Replace("0.5", "0.4", StringComparison.Ordinal)).SectionHashes;
        var hessian = SpecText.Parse(SpecText.Minimal + Mixed.Replace("batches: 2", "batches: 3", StringComparison.Ordinal)).SectionHashes;

        Assert.Equal(["allocation"], before.Keys.Where(k => before[k] != budget[k]));
        Assert.Equal(["hessian"], before.Keys.Where(k => before[k] != hessian[k]));
    }
}
