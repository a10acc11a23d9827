namespace Codesign.Build.Tasks.Elf;

/// <summary>Values from the ELF specification and the GNU symbol-versioning extension that the reader relies on.</summary>
internal static class ElfConstants
{
    public const int IdentMagicLength = 4;
    public const int IdentClassIndex = 4;
    public const int IdentDataIndex = 5;
    public const byte Class64 = 2;
    public const byte DataLittleEndian = 1;

    public const int Elf64HeaderSize = 64;
    public const int Elf64SectionHeaderSize = 64;

    /// <summary>e_shstrndx value meaning "the real index is in sh_link of section 0".</summary>
    public const ushort SectionIndexExtended = 0xffff;

    public const uint SectionTypeStringTable = 3;
    public const uint SectionTypeGnuVersionDefinitions = 0x6ffffffd;
    public const uint SectionTypeGnuVersionNeeds = 0x6ffffffe;

    public const int VerneedSize = 16;
    public const int VernauxSize = 16;
    public const int VerdefSize = 20;
    public const int VerdauxSize = 8;

    /// <summary>Offset of vna_flags inside a Vernaux entry (after the 4-byte vna_hash).</summary>
    public const int VernauxFlagsOffset = 4;

    public const ushort VersionFlagBase = 0x1;
    public const ushort VersionFlagWeak = 0x2;

    public static ReadOnlySpan<byte> Magic => [0x7f, (byte)'E', (byte)'L', (byte)'F'];
}
