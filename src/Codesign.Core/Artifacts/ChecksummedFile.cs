using System.Security.Cryptography;
using System.Text;
using Codesign.Core.Diagnostics;

namespace Codesign.Core.Artifacts;

/// <summary>
/// Binary artifact container: an 8-byte magic, a format version, the body, and a SHA-256 of all of it. A reader
/// never trusts a file whose checksum does not match, so a torn or edited artifact is rebuilt, not used.
/// </summary>
public static class ChecksummedFile
{
    private const int DigestLength = 32;

    public static void Write(string path, string magic, uint version, Action<BinaryWriter> writeBody)
    {
        ArgumentNullException.ThrowIfNull(writeBody);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(MagicBytes(magic));
            writer.Write(version);
            writeBody(writer);
        }

        var body = new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
        var digest = SHA256.HashData(body);
        AtomicFile.Write(path, stream =>
        {
            stream.Write(body);
            stream.Write(digest);
        });
    }

    public static T Read<T>(string path, string magic, uint version, Func<BinaryReader, T> readBody)
    {
        ArgumentNullException.ThrowIfNull(readBody);
        var location = SourceSpan.WholeFile(Path.GetFullPath(path));
        if (!File.Exists(path))
        {
            throw new CodesignException(DiagnosticCodes.MissingUpstreamArtifact, location, "artifact is missing; run the stage that produces it");
        }

        var bytes = File.ReadAllBytes(path);
        var expectedMagic = MagicBytes(magic);
        if (bytes.Length < expectedMagic.Length + sizeof(uint) + DigestLength || !bytes.AsSpan(0, expectedMagic.Length).SequenceEqual(expectedMagic))
        {
            throw new CodesignException(DiagnosticCodes.CorruptArtifact, location, $"not a {magic.TrimEnd('\0')} file (wrong header); delete it and rebuild");
        }

        var body = bytes.AsSpan(0, bytes.Length - DigestLength);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - DigestLength)))
        {
            throw new CodesignException(DiagnosticCodes.CorruptArtifact, location, "artifact checksum mismatch (the file was truncated or changed); delete it and rebuild");
        }

        using var reader = new BinaryReader(new MemoryStream(bytes, 0, body.Length, writable: false), Encoding.UTF8);
        reader.ReadBytes(expectedMagic.Length);
        var found = reader.ReadUInt32();
        if (found != version)
        {
            throw new CodesignException(DiagnosticCodes.CorruptArtifact, location, $"artifact format version {found} is not the supported {version}; rebuild it");
        }

        try
        {
            return readBody(reader);
        }
        catch (EndOfStreamException)
        {
            throw new CodesignException(DiagnosticCodes.CorruptArtifact, location, "artifact body is shorter than its header says; rebuild it");
        }
    }

    private static byte[] MagicBytes(string magic)
    {
        var bytes = Encoding.ASCII.GetBytes(magic);
        if (bytes.Length != 8)
        {
            throw new ArgumentException("magic must be exactly 8 ASCII characters", nameof(magic));
        }

        return bytes;
    }
}
