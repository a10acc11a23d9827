using System.Buffers.Binary;

namespace Codesign.Build.Tasks.Elf;

/// <summary>Reads the GNU version definitions (<c>.gnu.version_d</c>) of an ELF64 little-endian library.</summary>
public static class ElfVersionDefinitions
{
    public static IReadOnlyList<ElfVersionDefinition> Read(string path)
    {
        using var stream = ElfVersionNeeds.OpenForReading(path);
        return Read(stream);
    }

    public static IReadOnlyList<ElfVersionDefinition> Read(Stream elf)
    {
        var image = ElfImage.Open(elf);
        var definitions = new List<ElfVersionDefinition>();
        foreach (var section in image.SectionsOfType(ElfConstants.SectionTypeGnuVersionDefinitions))
        {
            ReadSection(image, section, definitions);
        }

        return definitions;
    }

    /// <summary>True when the library at <paramref name="path"/> defines the symbol version <paramref name="version"/>.</summary>
    public static bool Defines(string path, string version) =>
        Read(path).Any(definition => !definition.IsBase && definition.Name == version);

    private static void ReadSection(ElfImage image, ElfSectionHeader section, List<ElfVersionDefinition> definitions)
    {
        var data = image.ReadSection(section, "the version definitions section");
        var strings = image.ReadLinkedStringTable(section, "The version definitions section");
        if (data.Length == 0)
        {
            return;
        }

        // As with version needs, vd_next links are unsigned and zero ends the chain, so the walk only moves forward.
        long entryOffset = 0;
        for (var entryNumber = 0; ; entryNumber++)
        {
            var description = $"Verdef entry {entryNumber}";
            var entry = data.AsSpan(VersionSectionReader.EntryAt(data, entryOffset, ElfConstants.VerdefSize, description));
            VersionSectionReader.RequireVersionOne(BinaryPrimitives.ReadUInt16LittleEndian(entry), description);
            var flags = BinaryPrimitives.ReadUInt16LittleEndian(entry[2..]);
            var versionIndex = BinaryPrimitives.ReadUInt16LittleEndian(entry[4..]);
            var auxCount = BinaryPrimitives.ReadUInt16LittleEndian(entry[6..]);
            var firstAux = BinaryPrimitives.ReadUInt32LittleEndian(entry[12..]);
            var next = BinaryPrimitives.ReadUInt32LittleEndian(entry[16..]);

            // The first Verdaux names the version being defined; any further ones name its parents, which are
            // defined by entries of their own and so need not be read here.
            if (auxCount == 0)
            {
                throw new ElfFormatException($"{description} has no Verdaux entry, so the version it defines has no name.");
            }

            var aux = data.AsSpan(VersionSectionReader.EntryAt(data, entryOffset + firstAux, ElfConstants.VerdauxSize, $"The first Verdaux of {description}"));
            var name = strings.Get(BinaryPrimitives.ReadUInt32LittleEndian(aux), description);
            definitions.Add(new ElfVersionDefinition(name, flags, versionIndex));

            if (next == 0)
            {
                return;
            }

            entryOffset += next;
        }
    }
}
