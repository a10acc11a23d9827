using System.Runtime.InteropServices;
using Codesign.Core.Artifacts;
using Codesign.Core.Diagnostics;

namespace Codesign.Data.Files;

/// <summary>
/// <c>dataset.bin</c>, the prepared (standardized) dataset. Layout, all little-endian:
/// magic "CSDDATA\0"; uint32 format version; int32 feature count and length-prefixed UTF-8 names; int32 class
/// count and names; then for train, validation and test: int32 rows, rows x features float32, rows int32 labels
/// (left out when there are no classes: unlabelled data such as HGCal modules);
/// finally the SHA-256 of every preceding byte. The checksum turns a truncated copy or flipped bit into a clear
/// error instead of a silently different model.
/// </summary>
public static class DatasetFile
{
    public const uint FormatVersion = 1;

    private const string Magic = "CSDDATA\0";

    public static void Write(string path, Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ChecksummedFile.Write(path, Magic, FormatVersion, writer =>
        {
            WriteNames(writer, dataset.FeatureNames);
            WriteNames(writer, dataset.ClassNames);
            foreach (var split in dataset.Splits)
            {
                writer.Write(split.RowCount);
                WriteLittleEndian(writer, MemoryMarshal.AsBytes(split.Features.AsSpan()), sizeof(float));
                if (dataset.IsLabeled)
                {
                    WriteLittleEndian(writer, MemoryMarshal.AsBytes(split.Labels.AsSpan()), sizeof(int));
                }
            }
        });
    }

    public static Dataset Read(string path) => ChecksummedFile.Read(path, Magic, FormatVersion, reader => ReadContent(reader, path));

    private static Dataset ReadContent(BinaryReader reader, string path)
    {
        var featureNames = ReadNames(reader, path, "feature");
        var classNames = ReadNames(reader, path, "class");
        if (featureNames.Length == 0)
        {
            throw Corrupt(path, "it declares no features");
        }

        var labeled = classNames.Length > 0;

        var splits = new DatasetSplit[3];
        for (var i = 0; i < splits.Length; i++)
        {
            var rows = reader.ReadInt32();
            var remaining = reader.BaseStream.Length - reader.BaseStream.Position;
            if (rows < 0 || (long)rows * (featureNames.Length + (labeled ? 1 : 0)) * sizeof(float) > remaining)
            {
                throw Corrupt(path, $"split {i} declares {rows} rows, more than the file holds");
            }

            var features = new float[rows * featureNames.Length];
            ReadLittleEndian(reader, MemoryMarshal.AsBytes(features.AsSpan()), sizeof(float));
            if (!labeled)
            {
                splits[i] = DatasetSplit.Unlabeled(features, featureNames.Length);
                continue;
            }

            var labels = new int[rows];
            ReadLittleEndian(reader, MemoryMarshal.AsBytes(labels.AsSpan()), sizeof(int));
            if (labels.Any(label => (uint)label >= (uint)classNames.Length))
            {
                throw Corrupt(path, $"split {i} has a label outside the {classNames.Length} classes");
            }

            splits[i] = new DatasetSplit(features, labels, featureNames.Length);
        }

        return new Dataset(featureNames, classNames, splits[0], splits[1], splits[2]);
    }

    private static void WriteNames(BinaryWriter writer, string[] names)
    {
        writer.Write(names.Length);
        foreach (var name in names)
        {
            writer.Write(name);
        }
    }

    private static string[] ReadNames(BinaryReader reader, string path, string kind)
    {
        var count = reader.ReadInt32();

        // Each name takes at least its one-byte length prefix, which bounds a sane count by the bytes left.
        if (count < 0 || count > reader.BaseStream.Length - reader.BaseStream.Position)
        {
            throw Corrupt(path, $"it declares {count} {kind} names");
        }

        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = reader.ReadString();
        }

        return names;
    }

    /// <summary>Writes native-order elements as little-endian; a no-op byte order change on every platform .NET ships on today.</summary>
    private static void WriteLittleEndian(BinaryWriter writer, ReadOnlySpan<byte> native, int elementSize)
    {
        if (BitConverter.IsLittleEndian)
        {
            writer.Write(native);
            return;
        }

        var swapped = native.ToArray();
        ReverseElements(swapped, elementSize);
        writer.Write(swapped);
    }

    private static void ReadLittleEndian(BinaryReader reader, Span<byte> destination, int elementSize)
    {
        reader.BaseStream.ReadExactly(destination);
        if (!BitConverter.IsLittleEndian)
        {
            ReverseElements(destination, elementSize);
        }
    }

    private static void ReverseElements(Span<byte> bytes, int elementSize)
    {
        for (var start = 0; start < bytes.Length; start += elementSize)
        {
            bytes.Slice(start, elementSize).Reverse();
        }
    }

    private static CodesignException Corrupt(string path, string detail) => ChecksummedFile.Corrupt(path, detail);
}
