using Codesign.Core.Diagnostics;
using Codesign.Core.Spec;

namespace Codesign.Core.Tests;

public class HlsSpecTests
{
    private const string Quantized = SpecText.Minimal + "\nprecision: { weights: 6 }\n";

    [Fact]
    public void Without_an_hls_section_the_defaults_apply()
    {
        var hls = SpecText.Parse(Quantized).Hls;

        Assert.Equal("spec", hls.Project);
        Assert.Equal(SpecDefaults.HlsPart, hls.Part);
        Assert.Equal(5, hls.ClockPeriodNs);
        Assert.Equal(HlsStrategy.Latency, hls.Strategy);
        Assert.Equal(1, hls.ReuseFactorOf("dense_1"));
        Assert.Equal(10_000, hls.CSimulationSamples);
        Assert.Equal(SynthesisStepSet.CSynthesis, hls.SynthesisSteps);
    }

    [Fact]
    public void Every_key_is_read_with_per_layer_reuse_factors()
    {
        var hls = SpecText.Parse(Quantized + """
            hls:
              project: jet_fw
              part: xcku115-flvb2104-2-i
              clock_period: 3.125
              strategy: resource
              reuse_factor: 4
              layers: { dense_2: { reuse_factor: 8 } }
              csim_samples: 500
              synthesis: [csynth, vsynth]
              synthesis_timeout: 30
            """).Hls;

        Assert.Equal(("jet_fw", "xcku115-flvb2104-2-i", 3.125), (hls.Project, hls.Part, hls.ClockPeriodNs));
        Assert.Equal((4, 8), (hls.ReuseFactorOf("dense_1"), hls.ReuseFactorOf("dense_2")));
        Assert.Equal(SynthesisStepSet.CSynthesis | SynthesisStepSet.VivadoSynthesis, hls.SynthesisSteps);
        Assert.Equal((500, 30), (hls.CSimulationSamples, hls.SynthesisTimeoutMinutes));
    }

    [Theory]
    [InlineData("project: \"x\\\"; exec rm -rf /\"", "'hls.project' must be a C identifier")]
    [InlineData("project: \"[exec ls]\"", "'hls.project' must be a C identifier")]
    [InlineData("project: ../outside", "'hls.project' must be a C identifier")]
    [InlineData("part: \"xcvu13p; exit\"", "'hls.part' must be an FPGA part name")]
    [InlineData("strategy: fastest", "'hls.strategy' must be one of")]
    [InlineData("layers: { dense_9: { reuse_factor: 2 } }", "'hls.layers.dense_9' names no layer")]
    [InlineData("synthesis: [csynth, synth]", "'hls.synthesis' steps are")]
    [InlineData("reuse_factor: 2", "needs 'hls.strategy: resource'")]
    public void Bad_values_are_positioned_errors(string line, string message)
    {
        var error = SpecText.SingleError(Quantized + "hls:\n  " + line + "\n");

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(10, error.Location.Line);
    }

    [Fact]
    public void Hls_without_precision_is_inconsistent()
    {
        var error = SpecText.SingleError(SpecText.Minimal + "\nhls: { clock_period: 4 }\n");

        Assert.Equal(DiagnosticCodes.InconsistentSpec, error.Code);
    }

    [Fact]
    public void Only_the_hls_fingerprint_changes_when_hls_changes()
    {
        var before = SpecText.Parse(Quantized + "hls: { clock_period: 5 }\n").SectionHashes;
        var after = SpecText.Parse(Quantized + "hls: { clock_period: 4 }\n").SectionHashes;

        Assert.Equal(["hls"], before.Keys.Where(key => before[key] != after[key]));
    }

    [Fact]
    public void Hardware_budgets_are_read_as_luts_and_latency_cycles()
    {
        var spec = SpecText.Parse(SpecText.Minimal + """

            precision: { mode: mixed }
            allocation:
              budgets:
                - { cost: luts, limit: 30000 }
                - { cost: latency_cycles, limit: 8 }
            hls: { clock_period: 4 }
            """);

        Assert.Equal([BudgetCost.Luts, BudgetCost.LatencyCycles], spec.Allocation.Budgets.Select(budget => budget.Cost));
        Assert.Equal([30000.0, 8.0], spec.Allocation.Budgets.Select(budget => budget.Value));
    }
}
