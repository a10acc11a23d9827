using System.Globalization;

namespace Codesign.Synthesis;

/// <summary>Puts a process's exit code into words, naming the signal when the process was killed by one.</summary>
internal static class ExitStatus
{
    // Linux numbering (x86-64 and arm64 agree on these); the ones a crashing or killed tool actually dies of.
    private static readonly Dictionary<int, string> SignalNames = new()
    {
        [1] = "SIGHUP",
        [2] = "SIGINT",
        [3] = "SIGQUIT",
        [4] = "SIGILL",
        [6] = "SIGABRT",
        [7] = "SIGBUS",
        [8] = "SIGFPE",
        [9] = "SIGKILL",
        [11] = "SIGSEGV",
        [13] = "SIGPIPE",
        [14] = "SIGALRM",
        [15] = "SIGTERM",
    };

    /// <summary>
    /// .NET reports a process killed by signal n as exit code 128 + n, the same convention a shell uses for a
    /// child it ran; vitis_hls is a shell script, so either way 128 + n means the tool died of signal n.
    /// </summary>
    public static int? Signal(int exitCode) =>
        !OperatingSystem.IsWindows() && exitCode is > 128 and <= 128 + 64 ? exitCode - 128 : null;

    public static string Describe(int exitCode)
    {
        if (Signal(exitCode) is not { } signal)
        {
            return string.Create(CultureInfo.InvariantCulture, $"exited with code {exitCode}");
        }

        var name = SignalNames.TryGetValue(signal, out var known) ? known : "unnamed";
        return string.Create(CultureInfo.InvariantCulture, $"was killed by signal {signal} ({name}; exit code {exitCode})");
    }
}
