using System.Text;

namespace Codesign.Build.Tasks.Elf;

/// <summary>A string table section: NUL-terminated names addressed by byte offset.</summary>
internal sealed class ElfStringTable
{
    private readonly byte[] _bytes;

    public ElfStringTable(byte[] bytes)
    {
        _bytes = bytes;
    }

    public string Get(uint offset, string description)
    {
        if (offset >= (uint)_bytes.Length)
        {
            throw new ElfFormatException(
                $"The name of {description} is at string offset {offset}, past the end of the {_bytes.Length}-byte string table.");
        }

        var rest = _bytes.AsSpan((int)offset);
        var length = rest.IndexOf((byte)0);
        if (length < 0)
        {
            throw new ElfFormatException(
                $"The name of {description} at string offset {offset} is not NUL-terminated within the string table.");
        }

        return Encoding.UTF8.GetString(rest[..length]);
    }
}
