using System.Text.Json.Serialization;
using Codesign.Core.Diagnostics;

namespace Codesign.Core.Spec;

public enum HlsStrategy
{
    /// <summary>Every multiplication its own multiplier, fully pipelined at II = 1: lowest latency, most resources.</summary>
    Latency,

    /// <summary>Multipliers shared <c>reuse_factor</c> times: fewer resources, an interval of reuse_factor cycles.</summary>
    Resource,
}

/// <summary>What the firmware's <c>result</c> port carries.</summary>
public enum HlsOutput
{
    /// <summary>The last layer's quantized outputs, as trained.</summary>
    Logits,

    /// <summary>Probabilities from the logits by a table softmax (<see cref="Graph.SoftmaxTables"/>).</summary>
    Softmax,
}

/// <summary>The steps <c>build_prj.tcl</c> runs when Vitis HLS is installed.</summary>
[Flags]
public enum SynthesisStepSet
{
    None = 0,
    CSimulation = 1,
    CSynthesis = 2,
    Cosimulation = 4,
    Export = 8,
    VivadoSynthesis = 16,
}

/// <summary>
/// The <c>hls:</c> section: the firmware project (hls4ml's conventions), its C-simulation and its synthesis.
/// Changing it re-runs only the hls, csim and synth stages.
/// </summary>
public sealed record HlsSpec(
    string Project,
    string Part,
    double ClockPeriodNs,
    string IoType,
    HlsStrategy Strategy,
    int ReuseFactor,
    IReadOnlyDictionary<string, int> LayerReuseFactors,
    int CSimulationSamples,
    string? VitisHlsPath,
    SynthesisStepSet SynthesisSteps,
    int SynthesisTimeoutMinutes,
    SourceSpan Location)
{
    public HlsOutput Output { get; init; } = HlsOutput.Logits;

    /// <summary>Entries of each softmax table; used when <see cref="Output"/> is softmax.</summary>
    public int SoftmaxTableSize { get; init; } = Graph.SoftmaxTables.DefaultTableSize;

    /// <summary>The softmax table size when the firmware ends in a softmax, else null: what the firmware graph is built with.</summary>
    /// <remarks>Derived from the two properties above, so it stays out of the section's fingerprint.</remarks>
    [JsonIgnore]
    public int? SoftmaxTableSizeOrNull => Output == HlsOutput.Softmax ? SoftmaxTableSize : null;

    /// <summary>The reuse factor of one layer: its override, else the model default.</summary>
    public int ReuseFactorOf(string layer) => LayerReuseFactors.TryGetValue(layer, out var factor) ? factor : ReuseFactor;
}
