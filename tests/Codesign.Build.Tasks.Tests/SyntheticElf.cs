namespace Codesign.Build.Tasks.Tests;

/// <summary>
/// The bytes <see cref="SyntheticElfBuilder"/> wrote, where each vna_flags field landed, and where the
/// <c>.gnu.version_r</c> section starts (-1 when there is none) so tests can corrupt entries in place.
/// </summary>
internal sealed record SyntheticElf(byte[] Bytes, IReadOnlyDictionary<(string File, string Version), long> FlagOffsets, long VerneedOffset)
{
    public string WriteTo(string directory, string fileName = "libSynthetic.so")
    {
        var path = Path.Combine(directory, fileName);
        File.WriteAllBytes(path, Bytes);
        return path;
    }
}
