namespace Codesign.Synthesis.Tests;

public sealed class SynthesisStepsTests
{
    [Fact]
    public void Formats_every_option_in_build_prj_tcl_order()
    {
        var steps = new SynthesisSteps { Reset = true, Csim = true, Csynth = true, Vsynth = true };

        Assert.Equal("reset=1 csim=1 synth=1 cosim=0 validation=0 export=0 vsynth=1 fifo_opt=0", steps.ToString());
    }

    [Fact]
    public void Synthesis_only_turns_off_the_script_defaults_cosim_and_validation()
    {
        Assert.Equal(
            ["reset=0", "csim=0", "synth=1", "cosim=0", "validation=0", "export=0", "vsynth=0", "fifo_opt=0"],
            SynthesisSteps.SynthesisOnly.ToTclArguments());
    }

    public static TheoryData<SynthesisSteps, string> IncompleteSteps => new()
    {
        { new SynthesisSteps { Vsynth = true }, "need C synthesis" },
        { new SynthesisSteps { Cosim = true }, "need C synthesis" },
        { new SynthesisSteps { Export = true }, "need C synthesis" },
        { new SynthesisSteps { Csynth = true, Cosim = true, Validation = true }, "validation compares" },
        { new SynthesisSteps { Csynth = true, FifoOpt = true }, "FIFO optimisation" },
    };

    [Theory]
    [MemberData(nameof(IncompleteSteps))]
    public void Steps_without_the_step_they_build_on_are_rejected(SynthesisSteps steps, string expected)
    {
        var error = Assert.Throws<ArgumentException>(steps.Validate);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
