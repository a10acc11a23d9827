namespace Codesign.Hls.Simulation;

/// <summary>How much a <see cref="CSimulation"/> run does beyond the bit-exact comparison of the library's outputs.</summary>
public sealed record CSimulationOptions
{
    /// <summary>The sample count the C-simulation stage uses unless told otherwise.</summary>
    public const int DefaultSamples = 10_000;

    /// <summary>Also build and run the generated testbench on tb_data (what Vitis's csim_design would run).</summary>
    public bool RunTestBench { get; init; } = true;

    /// <summary>On a mismatch, how many failing samples are traced layer by layer.</summary>
    public int TracedSamples { get; init; } = 3;

    /// <summary>How many differing outputs csim.json lists.</summary>
    public int ReportedMismatches { get; init; } = 10;

    /// <summary>Where csim.json goes; the project folder when null.</summary>
    public string? ReportPath { get; init; }
}
