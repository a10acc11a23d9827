using System.Runtime.Versioning;
using Codesign.Core.Diagnostics;

namespace Codesign.Synthesis.Tests;

[UnsupportedOSPlatform("windows")]
public sealed class VitisHlsRunnerTests : IDisposable
{
    private static readonly SynthesisSteps CsimAndSynthesis = new() { Csim = true, Csynth = true };

    private readonly TemporaryDirectory directory = new();
    private readonly HlsProjectLayout layout;
    private readonly string reportPath;

    public VitisHlsRunnerTests()
    {
        layout = new HlsProjectLayout(directory.Combine("project"), "myproject");
        directory.WriteFile(Path.Combine("project", "build_prj.tcl"), "# stand-in project: the stand-in vitis_hls does not read this\n");
        reportPath = directory.Combine("synth", SynthesisReportFile.FileName);
    }

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task A_clean_run_parses_the_csynth_xml_and_writes_report_json()
    {
        var standIn = StandInVitisHls.WritingReports(directory, layout, CsynthXml.VitisHls2023());
        var output = new List<ToolOutputLine>();

        var report = await VitisHlsRunner.RunAsync(Options(standIn, CsimAndSynthesis), output.Add);

        Assert.NotNull(report);
        Assert.Equal(SynthesisReportSource.VitisHls, report.Source);
        Assert.Equal(9870, report.Resources.Lut);
        Assert.Equal(report, SynthesisReportFile.Read(reportPath));
        Assert.Equal(
            ["-f", "build_prj.tcl", "-tclargs", "reset=0", "csim=1", "synth=1", "cosim=0", "validation=0", "export=0", "vsynth=0", "fifo_opt=0"],
            standIn.RecordedArguments);
        Assert.Equal(layout.ProjectDirectory, standIn.RecordedWorkingDirectory);
        Assert.Contains(new ToolOutputLine(ToolOutputChannel.StandardOutput, "INFO: [HLS 200-10] Running stand-in csynth_design"), output);
        Assert.Contains(new ToolOutputLine(ToolOutputChannel.StandardError, "WARNING: stand-in warning"), output);
    }

    [Fact]
    public async Task With_Vivado_synthesis_the_post_synthesis_utilisation_is_included()
    {
        const string utilization = """
            +-----------------+------+-------+-----------+-------+
            |    Site Type    | Used | Fixed | Available | Util% |
            +-----------------+------+-------+-----------+-------+
            | CLB LUTs*       | 8412 |     0 |   1728000 |  0.49 |
            | CLB Registers   | 2977 |     0 |   3456000 |  0.09 |
            | Block RAM Tile  |    1 |     0 |      2688 |  0.04 |
            | DSPs            |   39 |     0 |     12288 |  0.32 |
            +-----------------+------+-------+-----------+-------+
            """;
        var standIn = StandInVitisHls.WritingReports(directory, layout, CsynthXml.VitisHls2023(), utilization);

        var report = await VitisHlsRunner.RunAsync(Options(standIn, SynthesisSteps.SynthesisOnly with { Vsynth = true }));

        Assert.Equal(new ResourceCounts(Lut: 8412, Ff: 2977, Dsp: 39, Bram18K: 2, Uram: null), report!.PostSynthesisResources);
        Assert.Contains("vsynth=1", standIn.RecordedArguments);
    }

    [Fact]
    public async Task A_non_zero_exit_reports_the_code_and_the_last_lines_of_output()
    {
        var standIn = StandInVitisHls.Failing(directory, exitCode: 3, lines: 40);

        var error = await Assert.ThrowsAsync<CodesignException>(() => VitisHlsRunner.RunAsync(Options(standIn, CsimAndSynthesis)));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.VitisFailed, diagnostic.Code);
        Assert.Equal(layout.BuildScriptPath, diagnostic.Location.File);
        Assert.Contains("exited with code 3", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("stand-in compile error", diagnostic.Message, StringComparison.Ordinal);
        // Only the tail: the error line and the 19 lines before it, steps 22 to 40.
        Assert.Contains("Last 20 lines of output", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("INFO: step 22\n", diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("INFO: step 21\n", diagnostic.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(reportPath));
    }

    [Fact]
    public async Task A_tool_killed_by_a_signal_is_reported_with_the_signal_name()
    {
        var standIn = StandInVitisHls.KillingItself(directory, "KILL");

        var error = await Assert.ThrowsAsync<CodesignException>(() => VitisHlsRunner.RunAsync(Options(standIn, CsimAndSynthesis)));

        Assert.Equal(DiagnosticCodes.VitisFailed, error.Diagnostics[0].Code);
        Assert.Contains("killed by signal 9 (SIGKILL", error.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.False(File.Exists(reportPath));
    }

    [Fact]
    public async Task A_run_past_the_timeout_is_killed_with_its_children_and_leaves_no_report()
    {
        var standIn = StandInVitisHls.HangingWithAChild(directory);
        var options = Options(standIn, CsimAndSynthesis) with { Timeout = TimeSpan.FromSeconds(2) };

        var error = await Assert.ThrowsAsync<CodesignException>(() => VitisHlsRunner.RunAsync(options));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.VitisTimedOut, diagnostic.Code);
        Assert.Contains("timeout of 2 s", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("synthesizing forever", diagnostic.Message, StringComparison.Ordinal);
        Assert.True(LinuxProcesses.EndsWithin(standIn.ProcessId, TimeSpan.FromSeconds(5)), "the stand-in still runs");
        Assert.True(LinuxProcesses.EndsWithin(standIn.ChildProcessId, TimeSpan.FromSeconds(5)), "the stand-in's child still runs");
        Assert.False(File.Exists(reportPath));
    }

    [Fact]
    public async Task Cancelling_kills_the_run_and_throws_OperationCanceledException()
    {
        var standIn = StandInVitisHls.HangingWithAChild(directory);
        using var cancellation = new CancellationTokenSource();
        var started = new TaskCompletionSource();

        var run = VitisHlsRunner.RunAsync(Options(standIn, CsimAndSynthesis), _ => started.TrySetResult(), cancellation.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.True(LinuxProcesses.EndsWithin(standIn.ChildProcessId, TimeSpan.FromSeconds(5)), "the stand-in's child still runs");
    }

    [Fact]
    public async Task A_stale_report_from_an_earlier_run_is_removed_when_the_run_fails()
    {
        var earlier = await VitisHlsRunner.RunAsync(Options(StandInVitisHls.WritingReports(directory, layout, CsynthXml.VivadoHls2020()), CsimAndSynthesis));
        Assert.NotNull(earlier);
        Assert.True(File.Exists(reportPath) && File.Exists(layout.CsynthXmlPath));
        var failing = StandInVitisHls.Failing(directory, exitCode: 1, lines: 1);

        await Assert.ThrowsAsync<CodesignException>(() => VitisHlsRunner.RunAsync(Options(failing, CsimAndSynthesis)));

        Assert.False(File.Exists(reportPath), "report.json of the earlier run survived");
        Assert.False(File.Exists(layout.CsynthXmlPath), "csynth.xml of the earlier run survived");
    }

    [Fact]
    public async Task A_clean_exit_without_csynth_xml_is_a_failure_not_an_old_report()
    {
        directory.WriteFile(Path.GetRelativePath(directory.Path, layout.CsynthXmlPath), CsynthXml.VivadoHls2020());
        var standIn = StandInVitisHls.WritingReports(directory, layout, csynthXml: null);

        var error = await Assert.ThrowsAsync<CodesignException>(() => VitisHlsRunner.RunAsync(Options(standIn, CsimAndSynthesis)));

        Assert.Equal(DiagnosticCodes.VitisFailed, error.Diagnostics[0].Code);
        Assert.Contains("wrote no", error.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.False(File.Exists(reportPath));
    }

    [Fact]
    public async Task A_malformed_csynth_xml_after_a_clean_exit_writes_no_report()
    {
        var standIn = StandInVitisHls.WritingReports(directory, layout, "<profile><UserAssignments>");

        var error = await Assert.ThrowsAsync<CodesignException>(() => VitisHlsRunner.RunAsync(Options(standIn, CsimAndSynthesis)));

        Assert.Equal(DiagnosticCodes.MalformedSynthesisReport, error.Diagnostics[0].Code);
        Assert.Equal(layout.CsynthXmlPath, error.Diagnostics[0].Location.File);
        Assert.False(File.Exists(reportPath));
    }

    [Fact]
    public async Task Without_C_synthesis_the_run_returns_no_report()
    {
        var standIn = StandInVitisHls.WritingReports(directory, layout, csynthXml: null);

        var report = await VitisHlsRunner.RunAsync(Options(standIn, new SynthesisSteps { Csim = true }));

        Assert.Null(report);
        Assert.Contains("synth=0", standIn.RecordedArguments);
        Assert.False(File.Exists(reportPath));
    }

    [Fact]
    public async Task A_project_without_build_prj_tcl_is_a_missing_upstream_artifact()
    {
        File.Delete(layout.BuildScriptPath);
        var standIn = StandInVitisHls.WritingReports(directory, layout, CsynthXml.VitisHls2023());

        var error = await Assert.ThrowsAsync<CodesignException>(() => VitisHlsRunner.RunAsync(Options(standIn, CsimAndSynthesis)));

        Assert.Equal(DiagnosticCodes.MissingUpstreamArtifact, error.Diagnostics[0].Code);
        Assert.False(File.Exists(Path.Combine(standIn.RecordDirectory, "args.txt")), "the stand-in ran");
    }

    [Fact]
    public async Task An_executable_that_cannot_be_started_is_a_Vitis_failure()
    {
        var notExecutable = directory.WriteFile(Path.Combine("broken", "vitis_hls"), "#!/bin/bash\n");
        File.SetUnixFileMode(notExecutable, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var options = Options(StandInVitisHls.WritingReports(directory, layout, CsynthXml.VitisHls2023()), CsimAndSynthesis) with { ExecutablePath = notExecutable };

        var error = await Assert.ThrowsAsync<CodesignException>(() => VitisHlsRunner.RunAsync(options));

        Assert.Equal(DiagnosticCodes.VitisFailed, error.Diagnostics[0].Code);
        Assert.Contains("could not be started", error.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    private VitisHlsRunOptions Options(StandInVitisHls standIn, SynthesisSteps steps) => new()
    {
        ExecutablePath = standIn.ExecutablePath,
        Layout = layout,
        Steps = steps,
        Timeout = TimeSpan.FromMinutes(1),
        ReportPath = reportPath,
    };
}
