using System.Buffers.Binary;
using Codesign.Core.Diagnostics;
using Codesign.Core.Spec;
using Codesign.Data.Files;
using Codesign.Data.Splitting;

namespace Codesign.Data.Tests.Files;

public sealed class DatasetFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static Dataset Sample() =>
        DatasetSplitter.Split(Samples.Indexed(101, featureCount: 3, classCount: 3), new SplitSpec(0.2, 0.1, 4));

    private string WriteSample()
    {
        var path = _temp.File("dataset.bin");
        DatasetFile.Write(path, Sample());
        return path;
    }

    [Fact]
    public void Round_trips_names_features_and_labels()
    {
        var original = Sample();
        var path = _temp.File("dataset.bin");

        DatasetFile.Write(path, original);
        var read = DatasetFile.Read(path);

        Assert.Equal(original.FeatureNames, read.FeatureNames);
        Assert.Equal(original.ClassNames, read.ClassNames);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(original.Splits[i].Features, read.Splits[i].Features);
            Assert.Equal(original.Splits[i].Labels, read.Splits[i].Labels);
        }
    }

    [Fact]
    public void Starts_with_magic_and_version_and_ends_with_the_sha256_of_the_rest()
    {
        var bytes = File.ReadAllBytes(WriteSample());

        Assert.Equal("CSDDATA\0"u8.ToArray(), bytes[..8]);
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)));
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32)), bytes[^32..]);
    }

    [Fact]
    public void Rewriting_the_same_dataset_is_byte_identical()
    {
        var first = _temp.File("first.bin");
        var second = _temp.File("second.bin");

        DatasetFile.Write(first, Sample());
        DatasetFile.Write(second, DatasetFile.Read(first));

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Fact]
    public void Empty_splits_round_trip()
    {
        var path = _temp.File("dataset.bin");
        var dataset = DatasetSplitter.Split(Samples.Indexed(10), new SplitSpec(0, 0, 1));

        DatasetFile.Write(path, dataset);
        var read = DatasetFile.Read(path);

        Assert.Equal(10, read.Train.RowCount);
        Assert.Equal(0, read.Validation.RowCount);
        Assert.Equal(0, read.Test.RowCount);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(200)]
    [InlineData(-40)]
    [InlineData(-1)]
    public void A_flipped_byte_is_a_corrupt_artifact(int offset)
    {
        var path = WriteSample();
        var bytes = File.ReadAllBytes(path);
        var index = offset >= 0 ? offset : bytes.Length + offset;
        bytes[index] ^= 0x10;
        File.WriteAllBytes(path, bytes);

        var diagnostic = Errors.Single(() => DatasetFile.Read(path));

        Assert.Equal(DiagnosticCodes.CorruptArtifact, diagnostic.Code);
        Assert.Equal(SourceSpan.WholeFile(path), diagnostic.Location);
        Assert.Contains("checksum", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_magic_is_a_corrupt_artifact()
    {
        var path = _temp.WriteFile("dataset.bin", "feature,label\n1,0\n");

        var diagnostic = Errors.Single(() => DatasetFile.Read(path));

        Assert.Equal(DiagnosticCodes.CorruptArtifact, diagnostic.Code);
        Assert.Contains("CSDDATA", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_version_is_a_corrupt_artifact()
    {
        var path = WriteSample();
        var bytes = File.ReadAllBytes(path);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), 2);
        File.WriteAllBytes(path, bytes);

        var diagnostic = Errors.Single(() => DatasetFile.Read(path));

        Assert.Equal(DiagnosticCodes.CorruptArtifact, diagnostic.Code);
        Assert.Contains("version 2", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_file_is_a_corrupt_artifact()
    {
        var path = WriteSample();
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        Assert.Equal(DiagnosticCodes.CorruptArtifact, Errors.Single(() => DatasetFile.Read(path)).Code);
    }

    [Fact]
    public void A_consistent_checksum_over_inconsistent_sizes_is_still_rejected()
    {
        var path = WriteSample();
        var bytes = File.ReadAllBytes(path);

        // Drop the last label and re-seal: the checksum matches but the test split's declared rows do not fit.
        var content = bytes[..^(32 + 4)];
        File.WriteAllBytes(path, [.. content, .. System.Security.Cryptography.SHA256.HashData(content)]);

        var diagnostic = Errors.Single(() => DatasetFile.Read(path));

        Assert.Equal(DiagnosticCodes.CorruptArtifact, diagnostic.Code);
    }

    [Fact]
    public void Missing_file_is_a_missing_upstream_artifact()
    {
        var path = _temp.File("absent.bin");

        var diagnostic = Errors.Single(() => DatasetFile.Read(path));

        Assert.Equal(DiagnosticCodes.MissingUpstreamArtifact, diagnostic.Code);
        Assert.Equal(SourceSpan.WholeFile(path), diagnostic.Location);
    }
}
