using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Codesign.Core.Diagnostics;

namespace Codesign.Synthesis;

/// <summary>
/// Runs <c>vitis_hls -f build_prj.tcl -tclargs reset=.. csim=.. synth=.. ...</c> in the project folder and turns
/// the outcome into a <see cref="SynthesisReport"/> or a <see cref="CodesignException"/>.
/// </summary>
/// <remarks>
/// The reports of a previous run are deleted before the tool starts and report.json is written (atomically) only
/// after a clean exit and a complete parse, so a failed, killed or timed-out run can never leave an old report
/// that looks like its result: after any run, report.json exists exactly when that run produced it (a run
/// without C synthesis leaves none). On timeout or cancellation the whole process tree is killed: vitis_hls is a
/// launcher script whose children (the HLS compiler, csim binaries, Vivado) would otherwise run on.
/// </remarks>
public static class VitisHlsRunner
{
    /// <summary>How many of the last output lines a failure message quotes.</summary>
    public const int FailureOutputLines = 20;

    // After the tool exits, output still buffered in the pipes is read for at most this long: a grandchild that
    // escaped the process tree could hold a pipe open forever.
    private static readonly TimeSpan OutputDrainLimit = TimeSpan.FromSeconds(5);

    /// <param name="options">The executable, project, steps, timeout and report path.</param>
    /// <param name="onOutput">
    /// Called with each line of stdout and stderr as it arrives, one call at a time. It must not throw: a failed
    /// callback stops the reading of that stream, and a tool blocked on a full pipe then runs into the timeout.
    /// </param>
    /// <param name="cancellationToken">Kills the run and throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The parsed report, also written to <see cref="VitisHlsRunOptions.ReportPath"/>; null when the steps do not include C synthesis.</returns>
    public static async Task<SynthesisReport?> RunAsync(
        VitisHlsRunOptions options,
        Action<ToolOutputLine>? onOutput = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Steps.Validate();
        var layout = options.Layout;
        if (!File.Exists(layout.BuildScriptPath))
        {
            throw new CodesignException(
                DiagnosticCodes.MissingUpstreamArtifact,
                SourceSpan.WholeFile(layout.BuildScriptPath),
                $"'{layout.BuildScriptPath}' does not exist; the HLS project must be generated before synthesis");
        }

        RemoveStaleReports(options);

        var tail = new OutputTail(FailureOutputLines);
        var gate = new Lock();
        void Receive(ToolOutputLine line)
        {
            tail.Add(line.Text);
            lock (gate)
            {
                onOutput?.Invoke(line);
            }
        }

        using var process = Start(options);
        Task[] pumps =
        [
            PumpAsync(process.StandardOutput, ToolOutputChannel.StandardOutput, Receive),
            PumpAsync(process.StandardError, ToolOutputChannel.StandardError, Receive),
        ];

        using var timeout = new CancellationTokenSource(options.Timeout);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            await process.WaitForExitAsync(stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            await DrainAsync(pumps).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            throw new CodesignException(
                DiagnosticCodes.VitisTimedOut,
                SourceSpan.WholeFile(layout.BuildScriptPath),
                $"vitis_hls did not finish within the synthesis timeout of {FormatTimeout(options.Timeout)} and was stopped with all its processes." + tail.Format());
        }

        await DrainAsync(pumps).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw Failed(layout, $"vitis_hls {ExitStatus.Describe(process.ExitCode)} running {options.Steps}." + tail.Format());
        }

        if (!options.Steps.Csynth)
        {
            return null;
        }

        if (!File.Exists(layout.CsynthXmlPath))
        {
            throw Failed(layout, $"vitis_hls exited with code 0 but wrote no '{layout.CsynthXmlPath}'." + tail.Format());
        }

        if (options.Steps.Vsynth && !File.Exists(layout.VivadoSynthReportPath))
        {
            throw Failed(layout, $"vitis_hls exited with code 0 but Vivado synthesis wrote no '{layout.VivadoSynthReportPath}'." + tail.Format());
        }

        var report = SynthesisReportParser.Parse(layout, options.Steps.Vsynth);
        SynthesisReportFile.Write(options.ReportPath, report);
        return report;
    }

    private static void RemoveStaleReports(VitisHlsRunOptions options)
    {
        DeleteIfPresent(options.ReportPath);
        DeleteIfPresent(options.Layout.CsynthXmlPath);
        if (options.Steps.Vsynth)
        {
            DeleteIfPresent(options.Layout.VivadoSynthReportPath);
        }
    }

    // File.Delete accepts a missing file but not a missing folder, and before the first run neither exists.
    private static void DeleteIfPresent(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private static Process Start(VitisHlsRunOptions options)
    {
        var start = new ProcessStartInfo(options.ExecutablePath)
        {
            WorkingDirectory = options.Layout.ProjectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // A closed stdin: a Tcl error must end the run, not leave vitis_hls waiting at its interactive prompt.
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add(Path.GetFileName(options.Layout.BuildScriptPath));
        start.ArgumentList.Add("-tclargs");
        foreach (var argument in options.Steps.ToTclArguments())
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw Failed(options.Layout, $"vitis_hls ('{options.ExecutablePath}') could not be started: {e.Message}");
        }

        process.StandardInput.Close();
        return process;
    }

    private static async Task PumpAsync(StreamReader reader, ToolOutputChannel channel, Action<ToolOutputLine> receive)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            receive(new ToolOutputLine(channel, line));
        }
    }

    private static async Task DrainAsync(Task[] pumps)
    {
        try
        {
            await Task.WhenAll(pumps).WaitAsync(OutputDrainLimit).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Some output is lost; the exit code and the report files decide the outcome, not the log.
        }
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own between the timeout and the kill.
        }
    }

    private static CodesignException Failed(HlsProjectLayout layout, string message) =>
        new(DiagnosticCodes.VitisFailed, SourceSpan.WholeFile(layout.BuildScriptPath), message);

    private static string FormatTimeout(TimeSpan timeout) =>
        timeout.TotalSeconds >= 1
            ? timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s"
            : timeout.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
