namespace Codesign.Sdk.IntegrationTests;

/// <summary>Real <c>dotnet build</c> runs of a .nnproj: what runs, what is skipped, and why.</summary>
public sealed class IncrementalBuildTests : IDisposable
{
    private readonly NnProject project = new();

    public void Dispose() => project.Dispose();

    [Fact]
    public void First_build_runs_every_stage_and_a_second_build_runs_none()
    {
        var first = project.Build();

        first.AssertSucceeded();
        Assert.True(first.StageRan("prepare"), first.Output);
        Assert.True(first.StageRan("train"), first.Output);
        Assert.Contains("codesign: train: epoch 2/2", first.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(project.FloatWeights));
        Assert.True(File.Exists(project.FloatMetrics));
        Assert.True(File.Exists(project.Dataset));

        var weights = File.ReadAllBytes(project.FloatWeights);
        var second = project.Build();

        second.AssertSucceeded();
        Assert.True(second.TargetSkipped("CodesignValidate"), second.Output);
        Assert.True(second.TargetSkipped("CodesignPrepareData"), second.Output);
        Assert.True(second.TargetSkipped("CodesignTrain"), second.Output);
        Assert.Contains("codesign: Small: every stage is up to date (spec.yaml)", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("codesign: validate", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("codesign: train", second.Output, StringComparison.Ordinal);
        Assert.Equal(weights, File.ReadAllBytes(project.FloatWeights));
    }

    [Fact]
    public void Editing_a_comment_or_the_description_revalidates_but_retrains_nothing()
    {
        project.Build().AssertSucceeded();
        project.EditSpec("# a small jet tagger for fast tests", "# a comment that says something else");
        project.EditSpec("description: first description", "description: second description");

        var rebuild = project.Build();

        rebuild.AssertSucceeded();
        Assert.Contains("validate: spec.yaml is valid", rebuild.Output, StringComparison.Ordinal);
        Assert.True(rebuild.TargetSkipped("CodesignPrepareData"), rebuild.Output);
        Assert.True(rebuild.TargetSkipped("CodesignTrain"), rebuild.Output);
        Assert.False(rebuild.StageRan("train"));
    }

    [Fact]
    public void Editing_training_epochs_retrains_without_preparing_the_data_again()
    {
        project.Build().AssertSucceeded();
        project.EditSpec("epochs: 2", "epochs: 3");

        var rebuild = project.Build();

        rebuild.AssertSucceeded();
        Assert.True(rebuild.TargetSkipped("CodesignPrepareData"), rebuild.Output);
        Assert.True(rebuild.StageRan("train"), rebuild.Output);
        Assert.Contains("codesign: train: epoch 3/3", rebuild.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_the_data_section_prepares_and_retrains()
    {
        project.Build().AssertSucceeded();
        project.EditSpec("samples: 3000", "samples: 2500");

        var rebuild = project.Build();

        rebuild.AssertSucceeded();
        Assert.True(rebuild.StageRan("prepare"), rebuild.Output);
        Assert.True(rebuild.StageRan("train"), rebuild.Output);
    }

    [Fact]
    public void Touching_an_artifact_without_changing_it_does_no_work()
    {
        project.Build().AssertSucceeded();
        File.SetLastWriteTimeUtc(Path.Combine(project.WorkDirectory, "fingerprints", "prepare.inputs"), DateTime.UtcNow);

        var rebuild = project.Build();

        rebuild.AssertSucceeded();
        Assert.Contains("codesign: prepare: up to date", rebuild.Output, StringComparison.Ordinal);
        Assert.Contains("codesign: train: up to date", rebuild.Output, StringComparison.Ordinal);
        Assert.False(rebuild.StageRan("train"));
        var settled = project.Build();
        Assert.True(settled.TargetSkipped("CodesignTrain"), settled.Output);
    }

    [Fact]
    public void A_stage_whose_manifest_is_missing_is_run_again()
    {
        // What a build killed after writing the weights but before the manifest leaves behind.
        project.Build().AssertSucceeded();
        File.Delete(Path.Combine(project.OutputDirectory, "float", "manifest.json"));

        var rebuild = project.Build();

        rebuild.AssertSucceeded();
        Assert.True(rebuild.StageRan("train"), rebuild.Output);
        Assert.False(rebuild.StageRan("prepare"));
    }

    [Fact]
    public void Clean_removes_every_generated_file()
    {
        project.Build().AssertSucceeded();
        Assert.NotEmpty(Directory.GetFiles(project.OutputDirectory, "*", SearchOption.AllDirectories));

        Dotnet.Run(project.ProjectDirectory, null, "clean", project.ProjectPath, "-nologo").AssertSucceeded();

        Assert.False(Directory.Exists(project.OutputDirectory) && Directory.EnumerateFiles(project.OutputDirectory, "*", SearchOption.AllDirectories).Any());
        Assert.False(Directory.Exists(project.WorkDirectory) && Directory.EnumerateFiles(project.WorkDirectory, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public void Design_time_build_never_runs_a_stage()
    {
        var result = project.Build("-p:DesignTimeBuild=true");

        result.AssertSucceeded();
        Assert.DoesNotContain("codesign: ", result.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(project.WorkDirectory));
    }
}
