using System.Buffers.Binary;

namespace Codesign.Build.Tasks.Elf;

/// <summary>
/// An ELF64 little-endian file opened for reading its section headers and individual sections.
/// Only the ranges that are asked for are read, so a multi-hundred-megabyte libtorch library costs
/// a few kilobytes, and every range is checked against the file length before it is read.
/// </summary>
internal sealed class ElfImage
{
    private readonly Stream _stream;

    private ElfImage(Stream stream, IReadOnlyList<ElfSectionHeader> sections)
    {
        _stream = stream;
        Sections = sections;
    }

    public IReadOnlyList<ElfSectionHeader> Sections { get; }

    /// <summary>Reads the ELF header and section header table; the stream must stay open while the image is used.</summary>
    public static ElfImage Open(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek || !stream.CanRead)
        {
            throw new ArgumentException("The ELF stream must be readable and seekable.", nameof(stream));
        }

        if (stream.Length < ElfConstants.Elf64HeaderSize)
        {
            throw new ElfFormatException(
                $"The file is {stream.Length} bytes long, shorter than the {ElfConstants.Elf64HeaderSize}-byte ELF64 header.");
        }

        var header = ReadRange(stream, 0, ElfConstants.Elf64HeaderSize, "the ELF header");
        ValidateIdentification(header);

        var sectionTableOffset = BinaryPrimitives.ReadUInt64LittleEndian(header.AsSpan(0x28));
        var sectionEntrySize = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(0x3a));
        var sectionCount = (ulong)BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(0x3c));

        // A file without a section header table is valid ELF (for example after sstrip); it simply has no sections to search.
        if (sectionTableOffset == 0)
        {
            return new ElfImage(stream, []);
        }

        if (sectionEntrySize < ElfConstants.Elf64SectionHeaderSize)
        {
            throw new ElfFormatException(
                $"The section header entry size is {sectionEntrySize} bytes; ELF64 needs at least {ElfConstants.Elf64SectionHeaderSize}.");
        }

        var first = ReadSectionHeader(stream, sectionTableOffset, sectionEntrySize, 0);

        // With 0xff00 or more sections, e_shnum is 0 and the real count lives in section 0's sh_size.
        if (sectionCount == 0)
        {
            sectionCount = first.Size;
        }

        // Bounding the count by the file size first keeps the multiplication below from overflowing.
        if (sectionCount > (ulong)stream.Length / sectionEntrySize)
        {
            throw new ElfFormatException(
                $"The file claims {sectionCount} section headers of {sectionEntrySize} bytes, more than fit in its {stream.Length} bytes.");
        }

        sectionCount = Math.Max(sectionCount, 1);
        EnsureInFile(stream, sectionTableOffset, sectionCount * sectionEntrySize, "the section header table");

        var sections = new List<ElfSectionHeader>((int)sectionCount) { first };
        for (var index = 1; index < (int)sectionCount; index++)
        {
            sections.Add(ReadSectionHeader(stream, sectionTableOffset, sectionEntrySize, index));
        }

        return new ElfImage(stream, sections);
    }

    public IEnumerable<ElfSectionHeader> SectionsOfType(uint type) => Sections.Where(section => section.Type == type);

    /// <summary>The bytes of a section, after checking that the section lies inside the file.</summary>
    public byte[] ReadSection(ElfSectionHeader section, string description) =>
        ReadRange(_stream, section.Offset, section.Size, $"{description} (section {section.Index})");

    /// <summary>The string table that a versioning section names in its sh_link field.</summary>
    public ElfStringTable ReadLinkedStringTable(ElfSectionHeader section, string description)
    {
        if (section.Link == 0 || section.Link >= (uint)Sections.Count)
        {
            throw new ElfFormatException(
                $"{description} (section {section.Index}) links to string table section {section.Link}, but the file has {Sections.Count} sections.");
        }

        var strings = Sections[(int)section.Link];
        if (strings.Type != ElfConstants.SectionTypeStringTable)
        {
            throw new ElfFormatException(
                $"{description} (section {section.Index}) links to section {strings.Index}, which is of type 0x{strings.Type:x} rather than a string table.");
        }

        return new ElfStringTable(ReadSection(strings, "the string table"));
    }

    private static void ValidateIdentification(byte[] header)
    {
        if (!header.AsSpan(0, ElfConstants.IdentMagicLength).SequenceEqual(ElfConstants.Magic))
        {
            throw new ElfFormatException("The file does not start with the ELF magic bytes 7f 45 4c 46.");
        }

        var elfClass = header[ElfConstants.IdentClassIndex];
        if (elfClass != ElfConstants.Class64)
        {
            throw new ElfFormatException(elfClass == 1
                ? "The file is a 32-bit ELF object; only ELF64 is supported."
                : $"The file has an unknown ELF class {elfClass}; only ELF64 (2) is supported.");
        }

        var data = header[ElfConstants.IdentDataIndex];
        if (data != ElfConstants.DataLittleEndian)
        {
            throw new ElfFormatException(data == 2
                ? "The file is a big-endian ELF object; only little-endian is supported."
                : $"The file has an unknown ELF data encoding {data}; only little-endian (1) is supported.");
        }
    }

    private static ElfSectionHeader ReadSectionHeader(Stream stream, ulong tableOffset, ushort entrySize, int index)
    {
        var offset = checked(tableOffset + ((ulong)index * entrySize));
        var bytes = ReadRange(stream, offset, ElfConstants.Elf64SectionHeaderSize, $"section header {index}");
        var span = bytes.AsSpan();
        return new ElfSectionHeader(
            Index: index,
            Type: BinaryPrimitives.ReadUInt32LittleEndian(span[4..]),
            Offset: BinaryPrimitives.ReadUInt64LittleEndian(span[24..]),
            Size: BinaryPrimitives.ReadUInt64LittleEndian(span[32..]),
            Link: BinaryPrimitives.ReadUInt32LittleEndian(span[40..]),
            Info: BinaryPrimitives.ReadUInt32LittleEndian(span[44..]));
    }

    private static void EnsureInFile(Stream stream, ulong offset, ulong length, string description)
    {
        var fileLength = (ulong)stream.Length;
        if (offset > fileLength || length > fileLength - offset)
        {
            throw new ElfFormatException(
                $"{Capitalize(description)} at offset 0x{offset:x} with length {length} runs past the end of the {fileLength}-byte file.");
        }
    }

    private static byte[] ReadRange(Stream stream, ulong offset, ulong length, string description)
    {
        EnsureInFile(stream, offset, length, description);
        if (length > (ulong)Array.MaxLength)
        {
            throw new ElfFormatException($"{Capitalize(description)} is {length} bytes long, too large to read.");
        }

        var buffer = new byte[length];
        stream.Seek((long)offset, SeekOrigin.Begin);
        stream.ReadExactly(buffer);
        return buffer;
    }

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
