using Codesign.Core.Spec;

namespace Codesign.Hls.Project;

/// <summary>
/// The knobs of a generated HLS project, with hls4ml's defaults. The interface is always io_parallel (arrays,
/// completely partitioned). <see cref="HlsSettingsValidator"/> checks every value before anything is written.
/// </summary>
public sealed record HlsSettings
{
    /// <summary>The default FPGA part of hls4ml (a Virtex UltraScale+ VU13P).</summary>
    public const string DefaultPart = "xcvu13p-flga2577-2-e";

    /// <summary>Top function, file and Tcl project name; made into an identifier, then checked (never quoted).</summary>
    public string ProjectName { get; init; } = "myproject";

    public string Part { get; init; } = DefaultPart;

    public double ClockPeriodNs { get; init; } = 5;

    /// <summary>Clock uncertainty as a percentage of the period (Vivado HLS's default, as hls4ml sets it).</summary>
    public double ClockUncertaintyPercent { get; init; } = 12.5;

    public HlsStrategy Strategy { get; init; } = HlsStrategy.Latency;

    /// <summary>How many times each multiplier is reused; the initiation interval of a latency layer.</summary>
    public int ReuseFactor { get; init; } = 1;

    /// <summary>Per-layer reuse factors by graph node name (Dense or Conv2d nodes), overriding <see cref="ReuseFactor"/>.</summary>
    public IReadOnlyDictionary<string, int> LayerReuseFactors { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);
}
