using System.Text;

namespace Codesign.Build.Tasks.Tests;

/// <summary>
/// Writes the smallest ELF64 little-endian file the version readers accept: a header, a dynamic string table, optional
/// <c>.gnu.version_r</c> and <c>.gnu.version_d</c> sections and a section name table. It records where it put every
/// vna_flags field, so tests check the reader against the writer rather than against the reader's own arithmetic.
/// </summary>
internal sealed class SyntheticElfBuilder
{
    private const uint SectionTypeStringTable = 3;
    private const uint SectionTypeVerdef = 0x6ffffffd;
    private const uint SectionTypeVerneed = 0x6ffffffe;

    private readonly List<(string File, (string Version, ushort Flags)[] Versions)> _needs = [];
    private string? _definedSoname;
    private string[] _definedVersions = [];

    public SyntheticElfBuilder Need(string file, params string[] versions) =>
        NeedWithFlags(file, [.. versions.Select(version => (version, (ushort)0))]);

    public SyntheticElfBuilder NeedWithFlags(string file, params (string Version, ushort Flags)[] versions)
    {
        _needs.Add((file, versions));
        return this;
    }

    /// <summary>Adds a verdef section whose base entry is <paramref name="soname"/>, as a shared library like libstdc++ has.</summary>
    public SyntheticElfBuilder Define(string soname, params string[] versions)
    {
        _definedSoname = soname;
        _definedVersions = versions;
        return this;
    }

    /// <summary>The file most tests start from: what libLibTorchSharp.so needs, reduced to two libraries.</summary>
    public static SyntheticElfBuilder TorchSharpLike() =>
        new SyntheticElfBuilder()
            .Need("libc.so.6", "GLIBC_2.2.5")
            .Need("libstdc++.so.6", "GLIBCXX_3.4.30", "GLIBCXX_3.4.32");

    /// <summary>A stand-in for a system libstdc++.so.6 that defines versions up to <paramref name="newest"/>.</summary>
    public static SyntheticElfBuilder LibStdCxxDefiningUpTo(int newest) =>
        new SyntheticElfBuilder()
            .Need("libc.so.6", "GLIBC_2.2.5")
            .Define("libstdc++.so.6", [.. Enumerable.Range(28, newest - 27).Select(minor => $"GLIBCXX_3.4.{minor}")]);

    public SyntheticElf Build()
    {
        var dynamicStrings = new StringTable();
        var sectionNames = new StringTable();
        using var memory = new MemoryStream();
        using var writer = new BinaryWriter(memory, Encoding.UTF8, leaveOpen: true);

        writer.Write(new byte[64]);

        // Intern every name first: the string table precedes the sections that point into it.
        foreach (var (file, versions) in _needs)
        {
            dynamicStrings.Add(file);
            foreach (var (version, _) in versions)
            {
                dynamicStrings.Add(version);
            }
        }

        if (_definedSoname is not null)
        {
            dynamicStrings.Add(_definedSoname);
            foreach (var version in _definedVersions)
            {
                dynamicStrings.Add(version);
            }
        }

        var sections = new List<SectionHeader> { default };
        var dynstrIndex = sections.Count;
        sections.Add(WriteSection(writer, ".dynstr", SectionTypeStringTable, 1, sectionNames, () => writer.Write(dynamicStrings.Bytes)));

        var flagOffsets = new Dictionary<(string File, string Version), long>();
        long verneedOffset = -1;
        if (_needs.Count > 0)
        {
            Align(writer, 8);
            verneedOffset = memory.Position;
            var verneed = WriteSection(writer, ".gnu.version_r", SectionTypeVerneed, 8, sectionNames, () => WriteNeeds(writer, dynamicStrings, flagOffsets));
            sections.Add(verneed with { Link = (uint)dynstrIndex, Info = (uint)_needs.Count });
        }

        if (_definedSoname is not null)
        {
            Align(writer, 4);
            var verdef = WriteSection(writer, ".gnu.version_d", SectionTypeVerdef, 4, sectionNames, () => WriteDefinitions(writer, dynamicStrings));
            sections.Add(verdef with { Link = (uint)dynstrIndex, Info = (uint)(_definedVersions.Length + 1) });
        }

        var shstrtabIndex = sections.Count;
        var shstrtabNameOffset = sectionNames.Add(".shstrtab");
        var shstrtabOffset = memory.Position;
        writer.Write(sectionNames.Bytes);
        sections.Add(new SectionHeader(shstrtabNameOffset, SectionTypeStringTable, shstrtabOffset, sectionNames.Bytes.Length, 0, 0, 1));

        Align(writer, 8);
        var sectionTableOffset = memory.Position;
        foreach (var section in sections)
        {
            WriteSectionHeader(writer, section);
        }

        WriteElfHeader(writer, sectionTableOffset, sections.Count, shstrtabIndex);
        writer.Flush();
        return new SyntheticElf(memory.ToArray(), flagOffsets, verneedOffset);
    }

    private void WriteNeeds(BinaryWriter writer, StringTable strings, Dictionary<(string File, string Version), long> flagOffsets)
    {
        for (var needIndex = 0; needIndex < _needs.Count; needIndex++)
        {
            var (file, versions) = _needs[needIndex];
            var isLast = needIndex == _needs.Count - 1;
            writer.Write((ushort)1);
            writer.Write((ushort)versions.Length);
            writer.Write(strings.OffsetOf(file));
            writer.Write(16u);
            writer.Write(isLast ? 0u : (uint)(16 + (16 * versions.Length)));

            for (var auxIndex = 0; auxIndex < versions.Length; auxIndex++)
            {
                var (version, flags) = versions[auxIndex];
                writer.Write(ElfHash(version));
                flagOffsets[(file, version)] = writer.BaseStream.Position;
                writer.Write(flags);
                writer.Write((ushort)(flagOffsets.Count + 1));
                writer.Write(strings.OffsetOf(version));
                writer.Write(auxIndex == versions.Length - 1 ? 0u : 16u);
            }
        }
    }

    private void WriteDefinitions(BinaryWriter writer, StringTable strings)
    {
        string[] names = [_definedSoname!, .. _definedVersions];
        for (var index = 0; index < names.Length; index++)
        {
            writer.Write((ushort)1);
            writer.Write(index == 0 ? (ushort)1 : (ushort)0);
            writer.Write((ushort)(index + 1));
            writer.Write((ushort)1);
            writer.Write(ElfHash(names[index]));
            writer.Write(20u);
            writer.Write(index == names.Length - 1 ? 0u : 28u);
            writer.Write(strings.OffsetOf(names[index]));
            writer.Write(0u);
        }
    }

    private static SectionHeader WriteSection(BinaryWriter writer, string name, uint type, ulong alignment, StringTable sectionNames, Action writeContent)
    {
        var nameOffset = sectionNames.Add(name);
        var start = writer.BaseStream.Position;
        writeContent();
        return new SectionHeader(nameOffset, type, start, writer.BaseStream.Position - start, 0, 0, alignment);
    }

    private static void WriteSectionHeader(BinaryWriter writer, SectionHeader section)
    {
        writer.Write(section.NameOffset);
        writer.Write(section.Type);
        writer.Write(0UL);
        writer.Write(0UL);
        writer.Write((ulong)section.Offset);
        writer.Write((ulong)section.Size);
        writer.Write(section.Link);
        writer.Write(section.Info);
        writer.Write(section.Alignment);
        writer.Write(0UL);
    }

    private static void WriteElfHeader(BinaryWriter writer, long sectionTableOffset, int sectionCount, int sectionNamesIndex)
    {
        writer.Seek(0, SeekOrigin.Begin);
        writer.Write([0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        writer.Write((ushort)3);
        writer.Write((ushort)62);
        writer.Write(1u);
        writer.Write(0UL);
        writer.Write(0UL);
        writer.Write((ulong)sectionTableOffset);
        writer.Write(0u);
        writer.Write((ushort)64);
        writer.Write((ushort)56);
        writer.Write((ushort)0);
        writer.Write((ushort)64);
        writer.Write((ushort)sectionCount);
        writer.Write((ushort)sectionNamesIndex);
    }

    private static void Align(BinaryWriter writer, int alignment)
    {
        while (writer.BaseStream.Position % alignment != 0)
        {
            writer.Write((byte)0);
        }
    }

    /// <summary>The System V ABI hash that vna_hash and vd_hash hold; the readers ignore it, but real files carry it.</summary>
    private static uint ElfHash(string name)
    {
        uint hash = 0;
        foreach (var character in Encoding.ASCII.GetBytes(name))
        {
            hash = (hash << 4) + character;
            var high = hash & 0xf0000000;
            if (high != 0)
            {
                hash ^= high >> 24;
            }

            hash &= ~high;
        }

        return hash;
    }

    private readonly record struct SectionHeader(uint NameOffset, uint Type, long Offset, long Size, uint Link, uint Info, ulong Alignment);

    private sealed class StringTable
    {
        private readonly Dictionary<string, uint> _offsets = [];
        private readonly List<byte> _bytes = [0];

        public byte[] Bytes => [.. _bytes];

        public uint Add(string value)
        {
            if (_offsets.TryGetValue(value, out var existing))
            {
                return existing;
            }

            var offset = (uint)_bytes.Count;
            _bytes.AddRange(Encoding.UTF8.GetBytes(value));
            _bytes.Add(0);
            _offsets[value] = offset;
            return offset;
        }

        public uint OffsetOf(string value) => _offsets[value];
    }
}
