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

        // The version is checked before the checksum: a file from a newer codesign deserves that explanation.
        var found = BitConverter.ToUInt32(bytes, expectedMagic.Length);
        if (found != version)
        {
            throw new CodesignException(DiagnosticCodes.CorruptArtifact, location, $"artifact format version {found} is not the supported {version}; rebuild it");
        }

        var body = bytes.AsSpan(0, bytes.Length - DigestLength);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - DigestLength)))
        {
            throw new CodesignException(DiagnosticCodes.CorruptArtifact, location, "artifact checksum mismatch (the file was truncated or changed); delete it and rebuild");
        }

        using var reader = new BinaryReader(new MemoryStream(bytes, 0, body.Length, writable: false), new UTF8Encoding(false, throwOnInvalidBytes: true));
        reader.ReadBytes(expectedMagic.Length + sizeof(uint));

        T result;
        try
        {
            result = readBody(reader);
        }
        catch (Exception exception) when (exception is EndOfStreamException or IOException or DecoderFallbackException or ArgumentException or OverflowException)
        {
            throw new CodesignException(DiagnosticCodes.CorruptArtifact, location, $"artifact body does not match its header ({exception.Message}); rebuild it");
        }

        if (reader.BaseStream.Position != body.Length)
        {
            throw new CodesignException(DiagnosticCodes.CorruptArtifact, location, "artifact has unexpected bytes after its content; rebuild it");
        }

        return result;
    }

    /// <summary>A failure a body reader found in an otherwise intact file (say, a label outside the classes).</summary>
    public static CodesignException Corrupt(string path, string detail) =>
        new(DiagnosticCodes.CorruptArtifact, SourceSpan.WholeFile(Path.GetFullPath(path)), $"artifact is corrupt: {detail}; delete it and rebuild");

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
