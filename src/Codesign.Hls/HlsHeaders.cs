using Codesign.Core.Artifacts;

namespace Codesign.Hls;

/// <summary>
/// The C++ headers embedded in this assembly (Headers/ in the source tree), written out for a generated HLS project
/// or a g++ C-simulation. Each resource is named by its path under Headers/, e.g. <c>ap_types/ap_fixed.h</c>.
/// </summary>
public static class HlsHeaders
{
    /// <summary>The folder, relative to Headers/, of our clean-room ap_fixed.h / ap_int.h.</summary>
    public const string ApTypesFolder = "ap_types";

    /// <summary>The embedded header paths ("ap_types/ap_fixed.h", ...), sorted ordinally.</summary>
    public static IReadOnlyList<string> All { get; } =
        [.. typeof(HlsHeaders).Assembly.GetManifestResourceNames().Where(n => n.EndsWith(".h", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Writes ap_fixed.h, ap_int.h and their internal headers directly into <paramref name="directory"/>
    /// (byte-identical to the sources), so <c>-I directory</c> makes <c>#include "ap_fixed.h"</c> work.
    /// Returns the full paths written.
    /// </summary>
    public static IReadOnlyList<string> WriteApTypes(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var prefix = ApTypesFolder + "/";
        var written = new List<string>();
        foreach (var name in All.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var path = Path.Combine(Path.GetFullPath(directory), name[prefix.Length..]);
            AtomicFile.WriteAllBytes(path, Read(name));
            written.Add(path);
        }

        return written;
    }

    /// <summary>Writes every embedded header under <paramref name="directory"/>, keeping its relative path.</summary>
    public static IReadOnlyList<string> WriteAll(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var written = new List<string>();
        foreach (var name in All)
        {
            var path = Path.Combine(Path.GetFullPath(directory), name);
            AtomicFile.WriteAllBytes(path, Read(name));
            written.Add(path);
        }

        return written;
    }

    /// <summary>The bytes of one embedded header, by its path under Headers/.</summary>
    public static byte[] Read(string name)
    {
        using var stream = typeof(HlsHeaders).Assembly.GetManifestResourceStream(name)
            ?? throw new ArgumentException($"no embedded header named '{name}'", nameof(name));
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
