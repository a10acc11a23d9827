namespace Codesign.Hls.Compilation;

/// <summary>
/// The g++ used to compile C-simulation programs against our headers. <see cref="Find"/> looks it up on PATH once;
/// callers pass arguments as a list (no shell) and get the exit code and output back.
/// </summary>
public sealed class GppCompiler
{
    public const string ExecutableName = "g++";

    public GppCompiler(string executablePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(executablePath);
        ExecutablePath = executablePath;
    }

    public string ExecutablePath { get; }

    /// <summary>The g++ in <paramref name="searchPath"/> (default: the PATH variable), or null when there is none.</summary>
    public static GppCompiler? TryFind(string? searchPath = null)
    {
        var path = searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, OperatingSystem.IsWindows() ? ExecutableName + ".exe" : ExecutableName);
            if (File.Exists(candidate))
            {
                return new GppCompiler(candidate);
            }
        }

        return null;
    }

    /// <summary>The g++ on PATH (or <paramref name="searchPath"/>); throws with what to install when there is none.</summary>
    public static GppCompiler Find(string? searchPath = null) =>
        TryFind(searchPath) ?? throw new InvalidOperationException(
            "g++ was not found on PATH. C-simulation needs a C++14 g++: install it (Debian/Ubuntu: apt-get install g++) and make sure it is on PATH.");

    /// <summary>Runs g++ with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public ToolResult Run(IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout) =>
        ToolProcess.Run(ExecutablePath, arguments, workingDirectory, timeout);

    /// <summary>Compiles <paramref name="arguments"/> and throws with g++'s diagnostics when it fails.</summary>
    public void Compile(IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var result = Run(arguments, workingDirectory, timeout);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"g++ failed with exit code {result.ExitCode}:{Environment.NewLine}{result.StandardError}{result.StandardOutput}");
        }
    }
}
