using Codesign.Core.Diagnostics;

namespace Codesign.Core.Spec;

public enum HlsStrategy
{
    /// <summary>Every multiplication its own multiplier, fully pipelined at II = 1: lowest latency, most resources.</summary>
    Latency,

    /// <summary>Multipliers shared <c>reuse_factor</c> times: fewer resources, an interval of reuse_factor cycles.</summary>
    Resource,
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
    /// <summary>The reuse factor of one layer: its override, else the model default.</summary>
    public int ReuseFactorOf(string layer) => LayerReuseFactors.TryGetValue(layer, out var factor) ? factor : ReuseFactor;
}
