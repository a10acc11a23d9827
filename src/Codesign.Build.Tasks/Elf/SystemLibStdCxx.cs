using System.Runtime.InteropServices;

namespace Codesign.Build.Tasks.Elf;

/// <summary>
/// Finds the libstdc++ the dynamic loader will most likely pick for a process on this machine and asks which
/// symbol versions it defines. The candidate folders are the multiarch and classic library directories; a
/// library installed elsewhere (for example by a conda environment) can be named explicitly instead.
/// </summary>
public static class SystemLibStdCxx
{
    public const string FileName = "libstdc++.so.6";

    /// <summary>
    /// Searched in order: the multiarch folders of this machine's architecture first (Debian and Ubuntu), then the other
    /// architecture's (so a cross-installed copy does not win), then the classic folders of Fedora, Arch and Alpine.
    /// </summary>
    public static IReadOnlyList<string> CandidateDirectories { get; } = OrderedCandidates(RuntimeInformation.OSArchitecture);

    internal static IReadOnlyList<string> OrderedCandidates(Architecture architecture)
    {
        string[] x64 = ["/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu"];
        string[] arm64 = ["/usr/lib/aarch64-linux-gnu", "/lib/aarch64-linux-gnu"];
        string[] classic = ["/usr/lib64", "/lib64", "/usr/lib", "/lib"];
        return architecture == Architecture.Arm64 ? [.. arm64, .. x64, .. classic] : [.. x64, .. arm64, .. classic];
    }

    /// <summary>The first existing <c>libstdc++.so.6</c> among <see cref="CandidateDirectories"/>, or null.</summary>
    public static string? Locate() =>
        CandidateDirectories
            .Select(directory => Path.Combine(directory, FileName))
            .FirstOrDefault(File.Exists);

    /// <summary>
    /// True when the libstdc++ at <paramref name="libraryPath"/> (or, when that is null, the located system one) defines
    /// <paramref name="version"/>. False when no library is found, because then nothing vouches for the version.
    /// </summary>
    public static bool Defines(string version, string? libraryPath = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(version);
        var path = libraryPath ?? Locate();
        return path is not null && ElfVersionDefinitions.Defines(path, version);
    }
}
