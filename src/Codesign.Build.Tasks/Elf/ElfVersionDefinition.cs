namespace Codesign.Build.Tasks.Elf;

/// <summary>
/// One Verdef entry of a <c>.gnu.version_d</c> section: a version the library provides.
/// The entry flagged VER_FLG_BASE names the library itself (its soname) rather than a symbol version.
/// </summary>
public sealed record ElfVersionDefinition(string Name, ushort Flags, ushort VersionIndex)
{
    public bool IsBase => (Flags & ElfConstants.VersionFlagBase) != 0;
}
