namespace Codesign.Sdk.IntegrationTests;

/// <summary>The quantization stages under dotnet build: what a budget or a Hessian setting re-runs, and what it does not.</summary>
public sealed class MixedPrecisionBuildTests : IDisposable
{
    private const string MixedSpec = NnProject.SmallSpec + """

        precision: { mode: mixed }
        hessian: { batches: 2, batch_size: 128, max_probes: 20 }
        allocation:
          budgets:
            - { cost: bops, fraction: 0.5 }
        qat: { epochs: 2 }
        """;

    private readonly NnProject project = new(MixedSpec);

    public void Dispose() => project.Dispose();

    private string Qat(string file) => Path.Combine(project.OutputDirectory, "qat", file);

    [Fact]
    public void Mixed_precision_build_runs_hessian_allocation_and_qat()
    {
        var result = project.Build();

        result.AssertSucceeded();
        foreach (var stage in new[] { "train", "hessian", "allocate", "qat", "export" })
        {
            Assert.True(result.StageRan(stage), stage + "\n" + result.Output);
        }

        Assert.True(File.Exists(Qat("model.json")));
        Assert.True(File.Exists(Qat("roc.png")));
        Assert.True(File.Exists(Path.Combine(project.OutputDirectory, "qonnx", "small.onnx")));
        Assert.True(File.Exists(Path.Combine(project.WorkDirectory, "hessian", "hessian.png")));
        Assert.Contains("\"float_test\"", File.ReadAllText(Qat("metrics.json")), StringComparison.Ordinal);
        var again = project.Build();
        Assert.True(again.TargetSkipped("CodesignQat"), again.Output);
        Assert.True(again.TargetSkipped("CodesignExportQonnx"), again.Output);
    }

    [Fact]
    public void Changing_a_budget_reruns_allocation_and_qat_only()
    {
        project.Build().AssertSucceeded();
        project.EditSpec("fraction: 0.5", "fraction: 0.4");

        var rebuild = project.Build();

        rebuild.AssertSucceeded();
        Assert.True(rebuild.TargetSkipped("CodesignTrain"), rebuild.Output);
        Assert.True(rebuild.TargetSkipped("CodesignHessian"), rebuild.Output);
        Assert.True(rebuild.StageRan("allocate"), rebuild.Output);
        Assert.True(rebuild.StageRan("qat"), rebuild.Output);
    }

    [Fact]
    public void Changing_hessian_settings_reruns_hessian_allocation_and_qat_but_not_training()
    {
        project.Build().AssertSucceeded();
        project.EditSpec("max_probes: 20", "max_probes: 30");

        var rebuild = project.Build();

        rebuild.AssertSucceeded();
        Assert.True(rebuild.TargetSkipped("CodesignTrain"), rebuild.Output);
        Assert.True(rebuild.StageRan("hessian"), rebuild.Output);
        Assert.True(rebuild.StageRan("allocate") || rebuild.Output.Contains("codesign: allocate: up to date", StringComparison.Ordinal), rebuild.Output);
    }

    [Fact]
    public void Unreachable_budget_is_a_positioned_error()
    {
        project.EditSpec("fraction: 0.5", "fraction: 0.01");

        var result = project.Build();

        result.AssertFailed();
        Assert.Contains($"{project.SpecPath}(21,7): error CSD0301:", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Uniform_precision_skips_the_hessian_and_allocation()
    {
        project.WriteSpec(NnProject.SmallSpec + "\nprecision: { weights: 6 }\nqat: { epochs: 2 }\n");

        var result = project.Build();

        result.AssertSucceeded();
        Assert.True(result.StageRan("qat"), result.Output);
        Assert.Contains("codesign: hessian: skipped, the spec does not ask for mixed precision", result.Output, StringComparison.Ordinal);
        Assert.Contains("ap_fixed<6,", File.ReadAllText(Qat("model.json")), StringComparison.Ordinal);
        var again = project.Build();
        Assert.Contains("every stage is up to date", again.Output, StringComparison.Ordinal);
    }
}
