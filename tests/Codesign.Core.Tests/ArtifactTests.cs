using Codesign.Core.Artifacts;
using Codesign.Core.Diagnostics;

namespace Codesign.Core.Tests;

public sealed class ArtifactTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("codesign-core-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Atomic_write_leaves_no_temporary_file()
    {
        var path = Path.Combine(directory, "a.txt");
        AtomicFile.WriteAllText(path, "hello");

        Assert.Equal("hello", File.ReadAllText(path));
        Assert.Equal(["a.txt"], Directory.GetFiles(directory).Select(Path.GetFileName));
    }

    [Fact]
    public void Failed_write_keeps_the_old_content_and_cleans_up()
    {
        var path = Path.Combine(directory, "a.txt");
        AtomicFile.WriteAllText(path, "old");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.WriteByte(1);
            throw new InvalidOperationException("killed mid-write");
        }));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(directory));
    }

    [Fact]
    public void Write_if_changed_keeps_the_timestamp_of_identical_content()
    {
        var path = Path.Combine(directory, "f.inputs");
        Assert.True(AtomicFile.WriteAllTextIfChanged(path, "x"));
        var stamp = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, stamp);

        Assert.False(AtomicFile.WriteAllTextIfChanged(path, "x"));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));
        Assert.True(AtomicFile.WriteAllTextIfChanged(path, "y"));
        Assert.NotEqual(stamp, File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public void Tensor_file_round_trips_and_is_byte_identical_when_rewritten()
    {
        var path = Path.Combine(directory, "w.bin");
        NamedTensor[] tensors = [new("dense_1.weight", [2, 3], [1, -2, 3.5f, float.Epsilon, -0f, 1e30f]), new("dense_1.bias", [2], [0.25f, -0.5f])];
        TensorFile.Write(path, tensors);
        var first = File.ReadAllBytes(path);
        TensorFile.Write(path, tensors);

        Assert.Equal(first, File.ReadAllBytes(path));
        var read = TensorFile.Read(path);
        Assert.Equal(tensors.Select(t => t.Name), read.Select(t => t.Name));
        Assert.Equal(tensors[0].Values, read[0].Values);
        Assert.Equal([2, 3], read[0].Shape);
    }

    [Fact]
    public void Corrupted_tensor_file_is_refused()
    {
        var path = Path.Combine(directory, "w.bin");
        TensorFile.Write(path, [new("b", [1], [1f])]);
        var bytes = File.ReadAllBytes(path);
        bytes[20] ^= 0x40;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Single(Assert.Throws<CodesignException>(() => TensorFile.Read(path)).Diagnostics);
        Assert.Equal(DiagnosticCodes.CorruptArtifact, error.Code);
    }

    [Fact]
    public void Truncated_tensor_file_is_refused()
    {
        var path = Path.Combine(directory, "w.bin");
        TensorFile.Write(path, [new("b", [4], [1f, 2f, 3f, 4f])]);
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..^40]);

        Assert.Equal(DiagnosticCodes.CorruptArtifact, Assert.Throws<CodesignException>(() => TensorFile.Read(path)).Diagnostics[0].Code);
    }

    [Fact]
    public void Manifest_is_up_to_date_only_for_the_same_inputs_and_intact_outputs()
    {
        var output = Path.Combine(directory, "out.bin");
        File.WriteAllText(output, "result");
        var inputs = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["spec:data"] = "abc", ["code"] = "v1" };
        var manifest = new StageManifest
        {
            Stage = "prepare",
            Inputs = inputs,
            Outputs = new(StringComparer.Ordinal) { ["out.bin"] = ContentHash.OfFile(output) },
        };
        var manifestPath = Path.Combine(directory, "manifest.json");
        manifest.Write(manifestPath);
        var read = StageManifest.TryRead(manifestPath)!;

        Assert.True(read.IsUpToDate(inputs, directory));
        Assert.False(read.IsUpToDate(new Dictionary<string, string>(inputs) { ["code"] = "v2" }, directory));
        Assert.False(read.IsUpToDate(new Dictionary<string, string> { ["code"] = "v1" }, directory));
        File.WriteAllText(output, "edited");
        Assert.False(read.IsUpToDate(inputs, directory));
        File.Delete(output);
        Assert.False(read.IsUpToDate(inputs, directory));
    }

    [Fact]
    public void Unreadable_manifest_counts_as_missing()
    {
        var path = Path.Combine(directory, "manifest.json");
        File.WriteAllText(path, "{ not json");

        Assert.Null(StageManifest.TryRead(path));
    }

    [Fact]
    public void Diagnostic_renders_the_canonical_msbuild_form()
    {
        Assert.Equal("/s/spec.yaml(12,7): error CSD0005: bad", Diagnostic.Error("CSD0005", new SourceSpan("/s/spec.yaml", 12, 7), "bad").ToString());
        Assert.Equal("/s/spec.yaml(1,2): warning CSD0001: two lines", Diagnostic.Warning("CSD0001", new SourceSpan("/s/spec.yaml", 1, 2, 3, 4), "two\nlines").ToString());
        Assert.Equal("codesign: error CSD0999: x", Diagnostic.Error("CSD0999", SourceSpan.WholeFile(string.Empty), "x").ToString());
    }
}
