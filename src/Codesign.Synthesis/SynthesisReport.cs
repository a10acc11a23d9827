using System.Text.Json.Serialization;

namespace Codesign.Synthesis;

/// <summary>
/// Where a <see cref="SynthesisReport"/>'s numbers come from. A Vitis HLS report and a model-based estimate share
/// one record so that every consumer (budgets, plots, the build summary) handles both, but they must never be
/// confused: report.json writes this first, as <c>"kind"</c>.
/// </summary>
public enum SynthesisReportSource
{
    /// <summary>Parsed from the csynth.xml (and vivado_synth.rpt) that a real vitis_hls run wrote.</summary>
    VitisHls,

    /// <summary>Computed by Codesign's resource/latency estimator without running any Xilinx tool.</summary>
    Estimate,
}

/// <summary>
/// The latency, throughput, resources and timing of one synthesized (or estimated) top function.
/// </summary>
/// <remarks>
/// Fields are nullable where a source can lack them: an estimate may have no estimated clock or no BRAM figure,
/// a dataflow design's latency is "undef" in Vitis, and older parts have no URAM. A field is never filled with a
/// guess to look complete: null means "not known".
/// </remarks>
public sealed record SynthesisReport
{
    /// <summary>"vitis_hls" or "estimate"; serialized as <c>kind</c>, the first key of report.json.</summary>
    [JsonPropertyName("kind")]
    [JsonPropertyOrder(-1)]
    public required SynthesisReportSource Source { get; init; }

    /// <summary>The HLS top function (<c>TopModelName</c>), e.g. <c>myproject</c>.</summary>
    public required string TopName { get; init; }

    /// <summary>The FPGA part, e.g. <c>xcvu13p-flga2577-2-e</c>.</summary>
    public string? Part { get; init; }

    /// <summary>The tool that produced the numbers, e.g. Vitis HLS <c>2023.1</c>, or the estimator's version.</summary>
    public string? ToolVersion { get; init; }

    public required ClockSummary Clock { get; init; }

    public required LatencySummary Latency { get; init; }

    /// <summary>HLS's own resource estimate after C synthesis (csynth.xml <c>AreaEstimates/Resources</c>).</summary>
    public required ResourceCounts Resources { get; init; }

    /// <summary>What the part offers (csynth.xml <c>AreaEstimates/AvailableResources</c>).</summary>
    public ResourceCounts? AvailableResources { get; init; }

    /// <summary>
    /// What Vivado logic synthesis really used (<c>vivado_synth.rpt</c>), when that step ran. HLS estimates of LUTs
    /// are often far off, so this is the figure to trust when present.
    /// </summary>
    public ResourceCounts? PostSynthesisResources { get; init; }
}

/// <param name="TargetNs">The clock period the design was synthesized for (<c>TargetClockPeriod</c>).</param>
/// <param name="UncertaintyNs">The margin HLS keeps from the target (<c>ClockUncertainty</c>).</param>
/// <param name="EstimatedNs">The period HLS expects to reach (<c>EstimatedClockPeriod</c>); null for estimates without timing.</param>
public sealed record ClockSummary(double TargetNs, double? UncertaintyNs, double? EstimatedNs);

/// <summary>How <see cref="LatencySummary.BestNs"/> and <see cref="LatencySummary.WorstNs"/> were obtained.</summary>
public enum LatencyTimeBasis
{
    /// <summary>Read from the tool's real-time latency (<c>Best-caseRealTimeLatency</c>, e.g. "50.000 ns").</summary>
    ReportedByTool,

    /// <summary>
    /// Cycles × the <em>target</em> clock period: the design runs at the target clock when timing closes, and that
    /// is the period Vitis itself uses for its real-time figures. The estimated period is not used because it only
    /// bounds how fast the logic could run, not how fast it is clocked.
    /// </summary>
    CyclesTimesTargetClock,
}

/// <param name="BestCycles">Best-case latency in clock cycles; null when the tool reports "undef" (e.g. dataflow).</param>
/// <param name="WorstCycles">Worst-case latency in clock cycles; null when unknown.</param>
/// <param name="BestNs">Best-case latency in nanoseconds; null when unknown.</param>
/// <param name="WorstNs">Worst-case latency in nanoseconds; null when unknown.</param>
/// <param name="NsBasis">How the nanosecond figures were obtained; null when both are null.</param>
/// <param name="IntervalMin">Minimum initiation interval in cycles (a new input every so many cycles).</param>
/// <param name="IntervalMax">Maximum initiation interval in cycles.</param>
public sealed record LatencySummary(
    long? BestCycles,
    long? WorstCycles,
    double? BestNs,
    double? WorstNs,
    LatencyTimeBasis? NsBasis,
    long? IntervalMin,
    long? IntervalMax);

/// <summary>FPGA resource counts; a null field is one the source does not give.</summary>
/// <param name="Lut">Look-up tables.</param>
/// <param name="Ff">Flip-flops (registers).</param>
/// <param name="Dsp">DSP slices (<c>DSP48E</c> in Vivado HLS, <c>DSP</c> in Vitis HLS).</param>
/// <param name="Bram18K">Block RAM in 18 Kb halves, the unit HLS counts in (<c>bram_18k</c> in JSON, after HLS's BRAM_18K).</param>
/// <param name="Uram">UltraRAM blocks; null on parts (and tool versions) without URAM.</param>
public sealed record ResourceCounts(
    long? Lut,
    long? Ff,
    long? Dsp,
    [property: JsonPropertyName("bram_18k")] long? Bram18K,
    long? Uram);
