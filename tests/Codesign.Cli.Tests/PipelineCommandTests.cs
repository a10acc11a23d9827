using Codesign.Core.Artifacts;

namespace Codesign.Cli.Tests;

public sealed class PipelineCommandTests : IDisposable
{
    private readonly SpecFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Build_runs_each_stage_once_then_reports_them_up_to_date()
    {
        var first = CodesignRun.Invoke("build", folder.SpecPath);
        var second = CodesignRun.Invoke("build", folder.SpecPath);

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("codesign: prepare: running", first.Output, StringComparison.Ordinal);
        Assert.Contains("codesign: train: epoch 2/2", first.Output, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("codesign: prepare: up to date", second.Output, StringComparison.Ordinal);
        Assert.Contains("codesign: train: up to date", second.Output, StringComparison.Ordinal);
        foreach (var file in new[] { "float/weights.bin", "float/metrics.json", "float/history.csv", "float/manifest.json" })
        {
            Assert.True(File.Exists(Path.Combine(folder.OutputDirectory, file)), file);
        }
    }

    [Fact]
    public void Force_reruns_an_up_to_date_stage()
    {
        CodesignRun.Invoke("build", folder.SpecPath);

        var forced = CodesignRun.Invoke("train", folder.SpecPath, "--force");

        Assert.Contains("codesign: train: running", forced.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_spec_gives_byte_identical_artifacts_in_separate_folders()
    {
        string[] files = ["data/dataset.bin", "data/scaler.json"];
        string[] deliverables = ["float/weights.bin", "float/metrics.json", "float/history.csv", "float/manifest.json"];
        var a = Path.Combine(folder.Directory, "a");
        var b = Path.Combine(folder.Directory, "b");

        CodesignRun.Invoke("build", folder.SpecPath, "--work-dir", a + "/work", "--out-dir", a + "/out");
        CodesignRun.Invoke("build", folder.SpecPath, "--work-dir", b + "/work", "--out-dir", b + "/out");

        foreach (var file in files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, "work", file)), File.ReadAllBytes(Path.Combine(b, "work", file)));
        }

        foreach (var file in deliverables)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, "out", file)), File.ReadAllBytes(Path.Combine(b, "out", file)));
        }
    }

    [Fact]
    public void Prepare_command_does_not_train()
    {
        var result = CodesignRun.Invoke("prepare", folder.SpecPath);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.True(File.Exists(Path.Combine(folder.WorkDirectory, "data", "dataset.bin")));
        Assert.False(Directory.Exists(Path.Combine(folder.OutputDirectory, "float")));
    }

    [Fact]
    public void Corrupted_dataset_is_prepared_again()
    {
        CodesignRun.Invoke("build", folder.SpecPath);
        var dataset = Path.Combine(folder.WorkDirectory, "data", "dataset.bin");
        var bytes = File.ReadAllBytes(dataset);
        bytes[100] ^= 1;
        File.WriteAllBytes(dataset, bytes);

        var result = CodesignRun.Invoke("build", folder.SpecPath);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("codesign: prepare: running", result.Output, StringComparison.Ordinal);
        Assert.Contains("codesign: train: up to date", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_writes_fingerprints_that_ignore_comments()
    {
        CodesignRun.Invoke("validate", folder.SpecPath);
        var fingerprint = Path.Combine(folder.WorkDirectory, "fingerprints", "train.inputs");
        var stamp = new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(fingerprint, stamp);
        File.AppendAllText(folder.SpecPath, "\n# just a comment\n");

        CodesignRun.Invoke("validate", folder.SpecPath);

        Assert.Equal(stamp, File.GetLastWriteTimeUtc(fingerprint));
        Assert.Contains("spec:training ", File.ReadAllText(fingerprint), StringComparison.Ordinal);
    }
}
