namespace Codesign.Sdk.IntegrationTests;

/// <summary>.nnproj projects in a solution: 'dotnet sln add' accepts them and '-m' builds them in parallel.</summary>
public sealed class SolutionBuildTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("codesign-sln-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Two_projects_in_a_solution_build_in_parallel()
    {
        using var first = new NnProject(name: "First", root: root);
        using var second = new NnProject(NnProject.SmallSpec.Replace("seed: 7", "seed: 8", StringComparison.Ordinal), name: "Second", root: root);
        Dotnet.Run(root, null, "new", "sln", "--format", "sln", "-n", "Models").AssertSucceeded();
        Dotnet.Run(root, null, "sln", "Models.sln", "add", first.ProjectPath, second.ProjectPath).AssertSucceeded();

        var result = Dotnet.Run(root, null, "build", "Models.sln", "-m:2", "-v:n", "-tl:off", "-nologo");

        result.AssertSucceeded();
        Assert.True(File.Exists(first.FloatWeights), result.Output);
        Assert.True(File.Exists(second.FloatWeights), result.Output);
        Assert.NotEqual(File.ReadAllBytes(first.FloatWeights), File.ReadAllBytes(second.FloatWeights));
    }
}
