using System.Buffers.Binary;

namespace Codesign.Build.Tasks.Elf;

/// <summary>
/// Reads the GNU version requirements (<c>.gnu.version_r</c>) of an ELF64 little-endian object and marks one of them weak.
/// A weak requirement lets the dynamic loader accept a library that lacks the version, which is what TorchSharp's native
/// library needs on distributions whose libstdc++ is older than the one it was linked against.
/// </summary>
public static class ElfVersionNeeds
{
    public static IReadOnlyList<ElfVersionRequirement> ReadRequirements(string path)
    {
        using var stream = OpenForReading(path);
        return ReadRequirements(stream);
    }

    public static IReadOnlyList<ElfVersionRequirement> ReadRequirements(Stream elf)
    {
        var image = ElfImage.Open(elf);
        var requirements = new List<ElfVersionRequirement>();
        foreach (var section in image.SectionsOfType(ElfConstants.SectionTypeGnuVersionNeeds))
        {
            ReadSection(image, section, requirements);
        }

        return requirements;
    }

    /// <summary>
    /// Sets VER_FLG_WEAK on every requirement of <paramref name="version"/> from <paramref name="libraryName"/>.
    /// The edit goes to a copy in the same folder that replaces the original by rename, so a concurrent reader
    /// (or a build killed halfway) sees either the untouched or the fully patched library, never a mix.
    /// </summary>
    public static VersionRequirementPatchResult WeakenVersionRequirement(string path, string libraryName, string version)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(libraryName);
        ArgumentException.ThrowIfNullOrEmpty(version);

        var fullPath = Path.GetFullPath(path);
        var before = ReadRequirements(fullPath);
        var matching = before
            .Where(requirement => requirement.File == libraryName && requirement.VersionName == version)
            .ToList();
        if (matching.Count == 0)
        {
            return VersionRequirementPatchResult.NotPresent;
        }

        var toWeaken = matching.Where(requirement => !requirement.IsWeak).ToList();
        if (toWeaken.Count == 0)
        {
            return VersionRequirementPatchResult.AlreadyWeak;
        }

        VersionFlagsPatcher.Apply(fullPath, before, toWeaken);
        return VersionRequirementPatchResult.Patched;
    }

    internal static FileStream OpenForReading(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read);

    private static void ReadSection(ElfImage image, ElfSectionHeader section, List<ElfVersionRequirement> requirements)
    {
        var data = image.ReadSection(section, "the version needs section");
        var strings = image.ReadLinkedStringTable(section, "The version needs section");

        // Walk by vn_next / vna_next the way glibc's loader does (it consults neither vn_cnt nor sh_info), so the patch
        // sees exactly the entries the loader will check. The links are unsigned and a zero link ends a chain, so every
        // step moves forward and the walk ends within the section.
        if (data.Length == 0)
        {
            return;
        }

        long entryOffset = 0;
        for (var entryNumber = 0; ; entryNumber++)
        {
            var entryDescription = $"Verneed entry {entryNumber}";
            var entry = data.AsSpan(VersionSectionReader.EntryAt(data, entryOffset, ElfConstants.VerneedSize, entryDescription));
            VersionSectionReader.RequireVersionOne(BinaryPrimitives.ReadUInt16LittleEndian(entry), entryDescription);
            var file = strings.Get(BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]), entryDescription);
            var firstAux = BinaryPrimitives.ReadUInt32LittleEndian(entry[8..]);
            var next = BinaryPrimitives.ReadUInt32LittleEndian(entry[12..]);

            ReadAuxChain(section, data, strings, entryOffset + firstAux, file, entryDescription, requirements);

            if (next == 0)
            {
                return;
            }

            entryOffset += next;
        }
    }

    private static void ReadAuxChain(
        ElfSectionHeader section,
        byte[] data,
        ElfStringTable strings,
        long auxOffset,
        string file,
        string entryDescription,
        List<ElfVersionRequirement> requirements)
    {
        for (var auxNumber = 0; ; auxNumber++)
        {
            var auxDescription = $"Vernaux entry {auxNumber} of {entryDescription} ({file})";
            var aux = data.AsSpan(VersionSectionReader.EntryAt(data, auxOffset, ElfConstants.VernauxSize, auxDescription));
            var flags = BinaryPrimitives.ReadUInt16LittleEndian(aux[ElfConstants.VernauxFlagsOffset..]);
            var versionIndex = BinaryPrimitives.ReadUInt16LittleEndian(aux[6..]);
            var name = strings.Get(BinaryPrimitives.ReadUInt32LittleEndian(aux[8..]), auxDescription);
            var next = BinaryPrimitives.ReadUInt32LittleEndian(aux[12..]);

            var flagsFileOffset = checked((long)section.Offset + auxOffset + ElfConstants.VernauxFlagsOffset);
            requirements.Add(new ElfVersionRequirement(file, name, flags, versionIndex, flagsFileOffset));

            if (next == 0)
            {
                return;
            }

            auxOffset += next;
        }
    }
}
