namespace Codesign.Synthesis;

/// <summary>
/// Which steps hls4ml's <c>build_prj.tcl</c> runs, passed to it as <c>key=0|1</c> words after <c>-tclargs</c>.
/// </summary>
/// <remarks>
/// The script matches each option with <c>regexp "$o=+(\w+)"</c> against every argument, so <c>synth</c> also
/// matches inside <c>vsynth=1</c>: the arguments are always written in hls4ml's order (vsynth after synth) and
/// every one is passed, so the script's own defaults (cosim and validation on) never apply. Steps that need an
/// earlier step are rejected by <see cref="Validate"/> rather than left to fail deep inside Vitis.
/// </remarks>
public sealed record SynthesisSteps
{
    /// <summary>Just C synthesis, the step that writes csynth.xml.</summary>
    public static SynthesisSteps SynthesisOnly { get; } = new() { Csynth = true };

    /// <summary>Re-create the Vitis project and solution (<c>reset</c>) instead of reopening them.</summary>
    public bool Reset { get; init; }

    /// <summary>C simulation of the testbench (<c>csim</c>).</summary>
    public bool Csim { get; init; }

    /// <summary>C synthesis to RTL (<c>synth</c>); writes <c>&lt;top&gt;_csynth.xml</c>.</summary>
    public bool Csynth { get; init; }

    /// <summary>C/RTL co-simulation (<c>cosim</c>).</summary>
    public bool Cosim { get; init; }

    /// <summary>Compare the C-simulation and co-simulation outputs (<c>validation</c>).</summary>
    public bool Validation { get; init; }

    /// <summary>Export the RTL as an IP-catalog core (<c>export</c>).</summary>
    public bool Export { get; init; }

    /// <summary>Vivado logic synthesis of the RTL (<c>vsynth</c>); writes <c>vivado_synth.rpt</c>.</summary>
    public bool Vsynth { get; init; }

    /// <summary>FIFO depth optimisation during co-simulation (<c>fifo_opt</c>).</summary>
    public bool FifoOpt { get; init; }

    /// <summary>The <c>-tclargs</c> words, e.g. <c>reset=0 csim=1 synth=1 cosim=0 validation=0 export=0 vsynth=0 fifo_opt=0</c>.</summary>
    public IReadOnlyList<string> ToTclArguments() =>
    [
        Word("reset", Reset),
        Word("csim", Csim),
        Word("synth", Csynth),
        Word("cosim", Cosim),
        Word("validation", Validation),
        Word("export", Export),
        Word("vsynth", Vsynth),
        Word("fifo_opt", FifoOpt),
    ];

    /// <summary>Throws when a step is asked for without the step it builds on.</summary>
    public void Validate()
    {
        Require(Cosim || Export || Vsynth, Csynth, "co-simulation, export and Vivado synthesis need C synthesis (synth=1)");
        Require(Validation, Cosim && Csim, "validation compares C simulation with co-simulation (csim=1 cosim=1)");
        Require(FifoOpt, Cosim, "FIFO optimisation runs during co-simulation (cosim=1)");
    }

    public override string ToString() => string.Join(' ', ToTclArguments());

    private static string Word(string key, bool on) => on ? $"{key}=1" : $"{key}=0";

    private static void Require(bool asked, bool prerequisite, string message)
    {
        if (asked && !prerequisite)
        {
            throw new ArgumentException(message);
        }
    }
}
