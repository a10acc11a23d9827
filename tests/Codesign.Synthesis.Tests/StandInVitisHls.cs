using System.Runtime.Versioning;

namespace Codesign.Synthesis.Tests;

/// <summary>
/// A bash script that takes vitis_hls's place in runner tests (Vitis is not installed here). It records its
/// arguments, working directory and process id, then does what the test asks: write the reports a real run
/// would, fail, kill itself, or hang with a child process.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed class StandInVitisHls
{
    private StandInVitisHls(string executablePath, string recordDirectory)
    {
        ExecutablePath = executablePath;
        RecordDirectory = recordDirectory;
    }

    public string ExecutablePath { get; }

    public string RecordDirectory { get; }

    public IReadOnlyList<string> RecordedArguments => File.ReadAllLines(Path.Combine(RecordDirectory, "args.txt"));

    public string RecordedWorkingDirectory => File.ReadAllText(Path.Combine(RecordDirectory, "cwd.txt")).Trim();

    public int ProcessId => int.Parse(File.ReadAllText(Path.Combine(RecordDirectory, "pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    public int ChildProcessId => int.Parse(File.ReadAllText(Path.Combine(RecordDirectory, "child.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Prints a line on each stream, copies the given reports to where Vitis writes them, exits 0.</summary>
    public static StandInVitisHls WritingReports(TemporaryDirectory directory, HlsProjectLayout layout, string? csynthXml, string? vivadoSynthReport = null)
    {
        var commands = new List<string> { "echo 'INFO: [HLS 200-10] Running stand-in csynth_design'", "echo 'WARNING: stand-in warning' >&2" };
        if (csynthXml is not null)
        {
            var fixture = directory.WriteFile(Path.Combine("fixtures", "csynth.xml"), csynthXml);
            var relative = Path.GetRelativePath(layout.ProjectDirectory, layout.CsynthXmlPath);
            commands.Add($"mkdir -p '{Path.GetDirectoryName(relative)}' && cp '{fixture}' '{relative}'");
        }

        if (vivadoSynthReport is not null)
        {
            var fixture = directory.WriteFile(Path.Combine("fixtures", "vivado_synth.rpt"), vivadoSynthReport);
            commands.Add($"cp '{fixture}' vivado_synth.rpt");
        }

        commands.Add("exit 0");
        return Write(directory, commands);
    }

    /// <summary>Prints <paramref name="lines"/> numbered lines, then exits with <paramref name="exitCode"/>.</summary>
    public static StandInVitisHls Failing(TemporaryDirectory directory, int exitCode, int lines) => Write(directory,
    [
        $"for i in $(seq 1 {lines}); do echo \"INFO: step $i\"; done",
        // On stdout, where Vitis prints its ERROR lines; on one stream the order of the tail is certain.
        "echo 'ERROR: [HLS 207-3776] stand-in compile error'",
        $"exit {exitCode}",
    ]);

    public static StandInVitisHls KillingItself(TemporaryDirectory directory, string signal) => Write(directory,
    [
        "echo 'about to die'",
        $"kill -{signal} $$",
        "sleep 30",
    ]);

    /// <summary>Starts a child that would run for minutes and waits for it, like vitis_hls waiting on its compiler.</summary>
    public static StandInVitisHls HangingWithAChild(TemporaryDirectory directory) => Write(directory,
    [
        "sleep 300 &",
        "echo $! > \"$RECORD/child.pid\"",
        "echo 'INFO: synthesizing forever'",
        "wait",
    ]);

    private static StandInVitisHls Write(TemporaryDirectory directory, IEnumerable<string> behaviour)
    {
        var record = Directory.CreateDirectory(directory.Combine("stand-in-record")).FullName;
        var script = string.Join('\n',
        [
            "#!/bin/bash",
            $"RECORD='{record}'",
            "printf '%s\\n' \"$@\" > \"$RECORD/args.txt\"",
            "pwd > \"$RECORD/cwd.txt\"",
            "echo $$ > \"$RECORD/pid\"",
            .. behaviour,
            string.Empty,
        ]);
        var path = directory.WriteFile(Path.Combine("stand-in-bin", "vitis_hls"), script);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new StandInVitisHls(path, record);
    }
}
