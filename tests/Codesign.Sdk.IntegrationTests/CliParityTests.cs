namespace Codesign.Sdk.IntegrationTests;

/// <summary><c>codesign build spec.yaml</c> does the same work as <c>dotnet build</c>, down to the bytes.</summary>
public sealed class CliParityTests : IDisposable
{
    private readonly NnProject project = new();

    public void Dispose() => project.Dispose();

    [Fact]
    public void Command_line_build_produces_the_same_artifacts_as_msbuild()
    {
        project.Build().AssertSucceeded();
        var work = Path.Combine(project.Root, "cli-work");
        var output = Path.Combine(project.Root, "cli-out");

        var cli = Dotnet.Run(project.ProjectDirectory, null, "exec", RepositoryLayout.ToolAssembly, "build", project.SpecPath, "--work-dir", work, "--out-dir", output);

        cli.AssertSucceeded();
        Assert.Equal(File.ReadAllBytes(project.FloatWeights), File.ReadAllBytes(Path.Combine(output, "float", "weights.bin")));
        Assert.Equal(File.ReadAllBytes(project.FloatMetrics), File.ReadAllBytes(Path.Combine(output, "float", "metrics.json")));
        Assert.Equal(File.ReadAllBytes(project.Dataset), File.ReadAllBytes(Path.Combine(work, "data", "dataset.bin")));

        var again = Dotnet.Run(project.ProjectDirectory, null, "exec", RepositoryLayout.ToolAssembly, "build", project.SpecPath, "--work-dir", work, "--out-dir", output);
        Assert.Contains("codesign: prepare: up to date", again.Output, StringComparison.Ordinal);
        Assert.Contains("codesign: train: up to date", again.Output, StringComparison.Ordinal);
    }
}
