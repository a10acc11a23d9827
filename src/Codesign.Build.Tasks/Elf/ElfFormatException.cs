namespace Codesign.Build.Tasks.Elf;

/// <summary>
/// Raised when a file is not an ELF64 little-endian object or its structures point outside the file.
/// The reader throws only this type for bad input, so callers can report "malformed file" without
/// catching index or overflow exceptions that would also hide real bugs.
/// </summary>
public sealed class ElfFormatException : Exception
{
    public ElfFormatException()
        : base("The file is not a valid ELF64 little-endian object.")
    {
    }

    public ElfFormatException(string message)
        : base(message)
    {
    }

    public ElfFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
