namespace Codesign.Build.Tasks.Elf;

/// <summary>Bounds checks shared by the Verneed and Verdef walkers, which address entries by offsets inside one section.</summary>
internal static class VersionSectionReader
{
    /// <summary>
    /// Checks that an entry of <paramref name="entrySize"/> bytes starts at <paramref name="offset"/> inside the section
    /// and returns the offset as an int for span slicing.
    /// </summary>
    public static int EntryAt(byte[] section, long offset, int entrySize, string description)
    {
        if (offset < 0 || offset > section.Length - entrySize)
        {
            throw new ElfFormatException(
                $"{description} at section offset 0x{offset:x} does not fit in the {section.Length}-byte section.");
        }

        return (int)offset;
    }

    /// <summary>
    /// Both Verneed and Verdef records carry a format version that is 1 in every toolchain so far; the dynamic loader
    /// refuses other values, so the reader does too rather than guess a layout.
    /// </summary>
    public static void RequireVersionOne(ushort version, string description)
    {
        if (version != 1)
        {
            throw new ElfFormatException($"{description} has record version {version}; only version 1 is defined.");
        }
    }
}
