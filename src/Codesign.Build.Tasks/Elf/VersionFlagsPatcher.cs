using System.Buffers.Binary;

namespace Codesign.Build.Tasks.Elf;

/// <summary>
/// Rewrites vna_flags fields of an ELF file through a temporary sibling that is renamed over the original,
/// so the library is never observed half-written and keeps its permissions.
/// </summary>
internal static class VersionFlagsPatcher
{
    public static void Apply(string fullPath, IReadOnlyList<ElfVersionRequirement> before, IReadOnlyList<ElfVersionRequirement> toWeaken)
    {
        var directory = Path.GetDirectoryName(fullPath)!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            var originalMode = CopyWritable(fullPath, temporary);
            WriteWeakFlags(temporary, toWeaken);
            VerifyOnlyFlagsChanged(temporary, before, toWeaken);
            RestoreMode(temporary, originalMode);
            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Copies the file and returns its Unix mode, or null on Windows where there is none to keep.</summary>
    private static UnixFileMode? CopyWritable(string source, string copy)
    {
        File.Copy(source, copy);
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        // A read-only original copies as read-only; the copy must be writable until it is patched.
        var mode = File.GetUnixFileMode(source);
        File.SetUnixFileMode(copy, mode | UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return mode;
    }

    private static void RestoreMode(string path, UnixFileMode? mode)
    {
        if (mode is { } original && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, original);
        }
    }

    private static void WriteWeakFlags(string path, IReadOnlyList<ElfVersionRequirement> toWeaken)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        Span<byte> field = stackalloc byte[2];
        foreach (var requirement in toWeaken)
        {
            stream.Seek(requirement.FlagsFileOffset, SeekOrigin.Begin);
            stream.ReadExactly(field);

            // The copy is taken after the original was parsed; if the original was replaced in between, stop rather
            // than write flags computed from a different file.
            if (BinaryPrimitives.ReadUInt16LittleEndian(field) != requirement.Flags)
            {
                throw new IOException(
                    $"The flags of {requirement.VersionName} at offset 0x{requirement.FlagsFileOffset:x} changed while the file was being patched.");
            }

            BinaryPrimitives.WriteUInt16LittleEndian(field, (ushort)(requirement.Flags | ElfConstants.VersionFlagWeak));
            stream.Seek(requirement.FlagsFileOffset, SeekOrigin.Begin);
            stream.Write(field);
        }

        stream.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Parses the patched copy again: a wrong offset would otherwise silently corrupt a library that only fails at load time.
    /// </summary>
    private static void VerifyOnlyFlagsChanged(
        string path,
        IReadOnlyList<ElfVersionRequirement> before,
        IReadOnlyList<ElfVersionRequirement> toWeaken)
    {
        var expected = before
            .Select(requirement => toWeaken.Contains(requirement)
                ? requirement with { Flags = (ushort)(requirement.Flags | ElfConstants.VersionFlagWeak) }
                : requirement)
            .ToList();
        var after = ElfVersionNeeds.ReadRequirements(path);
        if (!after.SequenceEqual(expected))
        {
            throw new InvalidOperationException($"Patching {path} changed more than the intended version flags; the original was left in place.");
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
