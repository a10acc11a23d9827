using System.Diagnostics;

namespace Codesign.Hls.Compilation;

/// <summary>What a finished external program left: its exit code and everything it printed.</summary>
public sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>
/// Runs an external program (g++, or a program it built) to completion: arguments passed one by one (no shell
/// quoting), an explicit working directory, both output streams captured concurrently (so a chatty program cannot
/// block on a full pipe), and a timeout after which the whole process tree is killed.
/// </summary>
public static class ToolProcess
{
    public static ToolResult Run(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        process.StandardInput.Close(); // nothing to read: a program waiting on stdin must not hang the build
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"{Path.GetFileName(fileName)} did not finish within {timeout.TotalSeconds:0} s and was stopped");
        }

        process.WaitForExit(); // flushes the asynchronous readers
        return new ToolResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}
