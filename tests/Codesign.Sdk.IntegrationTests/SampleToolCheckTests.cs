using System.Text.Json.Nodes;

namespace Codesign.Sdk.IntegrationTests;

/// <summary>
/// Inside this repository a sample build compiles the codesign tool and the tasks from src/ first whenever one of
/// their sources changed (samples/Directory.Build.targets), without project references, so that a no-op sample
/// build costs what a user's project costs.
/// </summary>
public class SampleToolCheckTests
{
    private static readonly string Sample = Path.Combine(RepositoryLayout.Root, "samples", "JetTagger", "JetTagger.nnproj");

    [Fact]
    public void The_tool_check_watches_every_source_of_the_tool_and_no_build_output()
    {
        var result = Dotnet.Run(RepositoryLayout.Root, null, "msbuild", Sample, "-t:_CodesignCollectToolSources", "-getItem:_CodesignToolSource", "-nologo");

        result.AssertSucceeded();
        var watched = JsonNode.Parse(result.Output)!["Items"]!["_CodesignToolSource"]!.AsArray()
            .Select(item => (string)item!["FullPath"]!).ToHashSet(StringComparer.Ordinal);
        var src = Path.Combine(RepositoryLayout.Root, "src");
        var sources = Directory.EnumerateFiles(src, "*", SearchOption.AllDirectories)
            .Where(path => !Path.GetRelativePath(src, path).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .ToList();
        Assert.Contains(sources, path => path.EndsWith(".proto", StringComparison.Ordinal));
        Assert.Contains(sources, path => path.EndsWith(".h", StringComparison.Ordinal));
        foreach (var path in sources)
        {
            Assert.Contains(path, watched);
        }

        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json" })
        {
            Assert.Contains(Path.Combine(RepositoryLayout.Root, name), watched);
        }

        Assert.DoesNotContain(watched, path => path.Contains("/bin/", StringComparison.Ordinal) || path.Contains("/obj/", StringComparison.Ordinal));
    }

    [Fact]
    public void Samples_reference_the_tool_projects_only_in_a_solution_build()
    {
        var alone = Dotnet.Run(RepositoryLayout.Root, null, "msbuild", Sample, "-getItem:ProjectReference", "-nologo");
        var inSolution = Dotnet.Run(RepositoryLayout.Root, null, "msbuild", Sample, "-getItem:ProjectReference", "-p:BuildingSolutionFile=true", "-nologo");

        alone.AssertSucceeded();
        inSolution.AssertSucceeded();
        Assert.Empty(References(alone));
        Assert.Equal(["Codesign.Build.Tasks.csproj", "Codesign.Cli.csproj"], References(inSolution).Order(StringComparer.Ordinal));
    }

    private static List<string> References(ProcessResult result)
    {
        var items = JsonNode.Parse(result.Output)!["Items"]!["ProjectReference"]?.AsArray() ?? [];
        return [.. items.Select(item => Path.GetFileName((string)item!["Identity"]!))];
    }
}
