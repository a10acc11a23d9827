using Codesign.Core.Diagnostics;

namespace Codesign.Synthesis;

/// <summary>
/// Finds the <c>vitis_hls</c> executable: an explicit path first (<c>CodesignVitisHls</c> or the spec), then
/// <c>PATH</c>, then <c>$XILINX_HLS/bin</c>. Vitis is absent on most machines, so "not found" is a normal
/// outcome (null, and the caller warns with <see cref="NotFound"/>); only an explicit path that leads nowhere is an
/// error, because the user asked for that tool and would otherwise get a silent estimate.
/// </summary>
public static class VitisHlsLocator
{
    public const string ExecutableName = "vitis_hls";

    /// <param name="explicitPath">
    /// The executable, or an installation folder holding <c>bin/vitis_hls</c>; null or blank to search. A relative
    /// path is taken from the current directory, so callers resolve it against the project first.
    /// </param>
    /// <param name="environment">PATH and XILINX_HLS to search.</param>
    /// <param name="explicitPathOrigin">Where the explicit path was written (a spec line), for the error.</param>
    /// <returns>The full path of the executable, or null when it is nowhere to be found.</returns>
    public static string? Locate(string? explicitPath, VitisHlsSearchEnvironment environment, SourceSpan explicitPathOrigin = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return LocateExplicit(explicitPath.Trim(), explicitPathOrigin);
        }

        return SearchPath(environment.PathVariable) ?? InInstallation(environment.XilinxHls);
    }

    /// <summary>The CSD0601 warning for a build that wanted synthesis but has no Vitis.</summary>
    public static Diagnostic NotFound(SourceSpan location = default) => Diagnostic.Warning(
        DiagnosticCodes.VitisNotFound,
        location,
        $"Vitis HLS not found; synthesis skipped. Looked for '{ExecutableName}' on PATH and in $XILINX_HLS/bin; "
        + "set CodesignVitisHls or source Vitis's settings64.sh to synthesize.");

    private static string LocateExplicit(string explicitPath, SourceSpan origin)
    {
        var fullPath = Path.GetFullPath(explicitPath);
        if (Directory.Exists(fullPath))
        {
            return FindExecutable(Path.Combine(fullPath, "bin")) ?? FindExecutable(fullPath)
                ?? throw Invalid(origin, $"the Vitis HLS folder '{fullPath}' has no bin/{ExecutableName}");
        }

        if (!File.Exists(fullPath))
        {
            throw Invalid(origin, $"the Vitis HLS path '{fullPath}' does not exist");
        }

        return IsExecutable(fullPath)
            ? fullPath
            : throw Invalid(origin, $"the Vitis HLS path '{fullPath}' is not executable");
    }

    private static string? SearchPath(string? pathVariable)
    {
        if (string.IsNullOrEmpty(pathVariable))
        {
            return null;
        }

        // An empty entry would mean the current directory to a shell; a build must not pick up a stray script there.
        return pathVariable
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(FindExecutable)
            .FirstOrDefault(found => found is not null);
    }

    private static string? InInstallation(string? installation) =>
        string.IsNullOrWhiteSpace(installation) ? null : FindExecutable(Path.Combine(installation.Trim(), "bin"));

    private static string? FindExecutable(string directory)
    {
        foreach (var name in ExecutableFileNames())
        {
            var candidate = Path.GetFullPath(Path.Combine(directory, name));
            if (File.Exists(candidate) && IsExecutable(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    // Vitis on Windows ships a batch launcher; elsewhere it is a shell script without extension.
    private static string[] ExecutableFileNames() =>
        OperatingSystem.IsWindows() ? [$"{ExecutableName}.bat", $"{ExecutableName}.exe", $"{ExecutableName}.cmd"] : [ExecutableName];

    private static bool IsExecutable(string path) =>
        OperatingSystem.IsWindows()
        || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;

    private static CodesignException Invalid(SourceSpan origin, string message) =>
        new(DiagnosticCodes.VitisPathInvalid, origin, message);
}
