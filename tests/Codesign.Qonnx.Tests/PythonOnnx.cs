using System.Diagnostics;

namespace Codesign.Qonnx.Tests;

/// <summary>The python3 that has the onnx package, for the tests that run <c>onnx.checker</c> on written files.</summary>
internal static class PythonOnnx
{
    // Debian's python3-onnx installs for /usr/bin/python3, which a pyenv or venv python3 on PATH does not see.
    public static readonly string[] Candidates = ["python3", "/usr/bin/python3"];

    /// <summary>The first candidate that imports onnx, or null.</summary>
    public static string? Find()
    {
        foreach (var candidate in Candidates)
        {
            try
            {
                if (Run(candidate, "-c", "import onnx").ExitCode == 0)
                {
                    return candidate;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // not installed; try the next one
            }
        }

        return null;
    }

    /// <summary>The python3 with onnx, or a test failure that says how to install it.</summary>
    public static string Require() =>
        Find() ?? throw new Xunit.Sdk.XunitException($"python3 with the onnx package is required for this test and was not found (tried {string.Join(", ", Candidates)}): install it with `apt-get install -y python3-onnx`.");

    public static (int ExitCode, string Output) Run(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }
}
