namespace Codesign.Build.Tasks.Elf;

/// <summary>
/// One Vernaux entry of a <c>.gnu.version_r</c> section: the object needs <paramref name="VersionName"/>
/// from the library <paramref name="File"/>. <paramref name="FlagsFileOffset"/> is where the 2-byte
/// little-endian vna_flags field sits in the file, which is what a patch rewrites.
/// <paramref name="VersionIndex"/> is vna_other, the index that <c>.gnu.version</c> entries use to refer to it.
/// </summary>
public sealed record ElfVersionRequirement(string File, string VersionName, ushort Flags, ushort VersionIndex, long FlagsFileOffset)
{
    /// <summary>
    /// True when VER_FLG_WEAK is set: the dynamic loader then tolerates a library that lacks the version
    /// instead of refusing to load the object.
    /// </summary>
    public bool IsWeak => (Flags & ElfConstants.VersionFlagWeak) != 0;
}
