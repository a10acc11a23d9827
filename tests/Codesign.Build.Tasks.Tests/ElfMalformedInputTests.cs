using System.Buffers.Binary;
using Codesign.Build.Tasks.Elf;

namespace Codesign.Build.Tasks.Tests;

public sealed class ElfMalformedInputTests : IDisposable
{
    // Section indexes in the builder's layout: 0 null, 1 .dynstr, 2 .gnu.version_r.
    private const int DynstrSection = 1;
    private const int VerneedSection = 2;

    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("empty file", "shorter than the 64-byte ELF64 header")]
    [InlineData("cut inside the header", "shorter than the 64-byte ELF64 header")]
    [InlineData("wrong magic", "magic")]
    [InlineData("32-bit class", "32-bit")]
    [InlineData("big-endian", "big-endian")]
    [InlineData("cut inside the section table", "section header table")]
    [InlineData("section count larger than the file", "section headers")]
    [InlineData("section entry size too small", "entry size")]
    [InlineData("version needs section past the end", "version needs section")]
    [InlineData("string table link out of range", "links to string table section 99")]
    [InlineData("string table link to a non-string section", "rather than a string table")]
    [InlineData("Verneed record version 2", "record version 2")]
    [InlineData("vn_aux outside the section", "Vernaux entry 0 of Verneed entry 0")]
    [InlineData("vn_next outside the section", "Verneed entry 1")]
    [InlineData("name offset past the string table", "past the end of the")]
    [InlineData("unterminated name", "not NUL-terminated")]
    public void MalformedInputRaisesElfFormatExceptionAndIsNotPatched(string corruption, string expectedMessagePart)
    {
        var bytes = Corrupt(SyntheticElfBuilder.TorchSharpLike().Build(), corruption);
        var path = Path.Combine(_directory.Path, "libCorrupt.so");
        File.WriteAllBytes(path, bytes);

        var readError = Assert.Throws<ElfFormatException>(() => ElfVersionNeeds.ReadRequirements(path));
        Assert.Contains(expectedMessagePart, readError.Message, StringComparison.Ordinal);
        Assert.Throws<ElfFormatException>(() => ElfVersionNeeds.WeakenVersionRequirement(path, "libstdc++.so.6", "GLIBCXX_3.4.32"));
        Assert.Equal(bytes, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(_directory.Path));
    }

    [Fact]
    public void VersionDefinitionsOfAFileThatIsNotElfRaiseElfFormatException()
    {
        var path = Path.Combine(_directory.Path, "libstdc++.so.6");
        File.WriteAllText(path, "INPUT(libstdc++.so.6.0.30)\n".PadRight(80));

        var error = Assert.Throws<ElfFormatException>(() => ElfVersionDefinitions.Read(path));
        Assert.Contains("magic", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every prefix of a valid file, and the file with any single byte overwritten, either parses or raises
    /// ElfFormatException: no index, overflow or argument exception escapes the readers.
    /// </summary>
    [Fact]
    public void NoTruncationOrSingleByteCorruptionEscapesAsAnotherExceptionType()
    {
        var needs = SyntheticElfBuilder.TorchSharpLike().Build().Bytes;
        var definitions = SyntheticElfBuilder.LibStdCxxDefiningUpTo(32).Build().Bytes;
        foreach (var original in new[] { needs, definitions })
        {
            for (var length = 0; length < original.Length; length++)
            {
                ParseBoth(original[..length]);
            }

            foreach (var value in new byte[] { 0x00, 0x01, 0x7f, 0x80, 0xff })
            {
                for (var offset = 0; offset < original.Length; offset++)
                {
                    var mutated = (byte[])original.Clone();
                    mutated[offset] = value;
                    ParseBoth(mutated);
                }
            }
        }
    }

    private static void ParseBoth(byte[] bytes)
    {
        ParseOrFormatError(() => ElfVersionNeeds.ReadRequirements(new MemoryStream(bytes)));
        ParseOrFormatError(() => ElfVersionDefinitions.Read(new MemoryStream(bytes)));
    }

    private static void ParseOrFormatError(Action parse)
    {
        try
        {
            parse();
        }
        catch (ElfFormatException)
        {
        }
    }

    private static byte[] Corrupt(SyntheticElf elf, string corruption)
    {
        var bytes = (byte[])elf.Bytes.Clone();
        var sectionTable = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(0x28));
        int SectionField(int section, int field) => sectionTable + (section * 64) + field;
        var verneed = (int)elf.VerneedOffset;
        switch (corruption)
        {
            case "empty file":
                return [];
            case "cut inside the header":
                return bytes[..10];
            case "wrong magic":
                bytes[1] = (byte)'X';
                break;
            case "32-bit class":
                bytes[4] = 1;
                break;
            case "big-endian":
                bytes[5] = 2;
                break;
            case "cut inside the section table":
                return bytes[..^1];
            case "section count larger than the file":
                BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(0x3c), 0xfff0);
                break;
            case "section entry size too small":
                BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(0x3a), 32);
                break;
            case "version needs section past the end":
                BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(SectionField(VerneedSection, 24)), (ulong)bytes.Length - 8);
                break;
            case "string table link out of range":
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(SectionField(VerneedSection, 40)), 99);
                break;
            case "string table link to a non-string section":
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(SectionField(VerneedSection, 40)), VerneedSection);
                break;
            case "Verneed record version 2":
                BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(verneed), 2);
                break;
            case "vn_aux outside the section":
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(verneed + 8), 0xffff);
                break;
            case "vn_next outside the section":
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(verneed + 12), 0x1000);
                break;
            case "name offset past the string table":
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(verneed + 16 + 8), 0xffffff);
                break;
            case "unterminated name":
                // The last name in .dynstr is the last required version; overwrite its terminating NUL.
                var dynstrEnd = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(SectionField(DynstrSection, 24)))
                    + BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(SectionField(DynstrSection, 32)));
                bytes[(int)dynstrEnd - 1] = (byte)'x';
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(corruption), corruption, "Unknown corruption.");
        }

        return bytes;
    }
}
