namespace Codesign.Synthesis;

/// <summary>Everything one vitis_hls run needs; the executable comes from <see cref="VitisHlsLocator"/>.</summary>
public sealed record VitisHlsRunOptions
{
    public required string ExecutablePath { get; init; }

    /// <summary>The generated project; vitis_hls runs with its folder as the working directory.</summary>
    public required HlsProjectLayout Layout { get; init; }

    public required SynthesisSteps Steps { get; init; }

    /// <summary>How long the run may take before it is killed with every process it started.</summary>
    public required TimeSpan Timeout { get; init; }

    /// <summary>Where the parsed report goes (the stage's <c>synth/report.json</c>).</summary>
    public required string ReportPath { get; init; }
}
