using Codesign.Core.Diagnostics;

namespace Codesign.Cli.Tests;

public class FailureTests
{
    [Fact]
    public void Bad_spec_prints_canonical_errors_and_exits_with_1()
    {
        using var folder = new SpecFolder(SpecFolder.Spec.Replace("epochs: 2", "epochs: two", StringComparison.Ordinal));

        var (exitCode, output) = CodesignRun.Invoke("build", folder.SpecPath);

        Assert.Equal(1, exitCode);
        Assert.Equal($"{folder.SpecPath}(8,11): error CSD0005: 'training.epochs' must be an integer, got 'two'", output.Trim());
        Assert.False(Directory.Exists(folder.WorkDirectory));
    }

    [Fact]
    public void Missing_spec_is_a_canonical_error()
    {
        var (exitCode, output) = CodesignRun.Invoke("validate", "/no/such/model.yaml");

        Assert.Equal(1, exitCode);
        Assert.Equal("/no/such/model.yaml: error CSD0001: spec file not found", output.Trim());
    }

    [Fact]
    public void Diverging_training_writes_no_model()
    {
        // Plain SGD at the largest allowed rate with heavy momentum blows up within the first epoch.
        using var folder = new SpecFolder("""
            model:
              layers: [ { units: 64 }, { units: 64 }, { units: 5 } ]
            data:
              source: jets
              samples: 2000
            training:
              optimizer: sgd
              learning_rate: 10
              momentum: 0.99
              epochs: 3
              batch_size: 4
            """);

        var (exitCode, output) = CodesignRun.Invoke("build", folder.SpecPath);

        Assert.Equal(1, exitCode);
        Assert.Contains($"{folder.SpecPath}(7,3): error {DiagnosticCodes.TrainingDiverged}: training diverged in epoch 1", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder.OutputDirectory, "float")) &&
            Directory.EnumerateFiles(Path.Combine(folder.OutputDirectory, "float")).Any());
    }

    [Fact]
    public void Unknown_command_fails_with_usage()
    {
        var (exitCode, _) = CodesignRun.Invoke("frobnicate");

        Assert.NotEqual(0, exitCode);
    }
}
