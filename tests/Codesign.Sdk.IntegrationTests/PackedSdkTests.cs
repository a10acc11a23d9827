namespace Codesign.Sdk.IntegrationTests;

/// <summary>
/// The consumer form: the SDK packed into a local feed, resolved by NuGet from <c>&lt;Project Sdk="Codesign.Sdk"&gt;</c>
/// with its version pinned in global.json. The tool is the one built from this repository (set by property), since
/// the tool ships as its own dotnet tool package.
/// </summary>
public sealed class PackedSdkTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("codesign-pack-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Project_with_sdk_attribute_builds_from_a_local_feed()
    {
        // A fresh version per run: NuGet caches SDK packages by id and version.
        var version = $"0.1.0-it.{DateTime.UtcNow:yyyyMMddHHmmssfff}";
        var feed = Path.Combine(root, "feed");
        var packages = Path.Combine(root, "packages");
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages };
        Dotnet.Run(root, environment, "pack", RepositoryLayout.SdkProject, "-o", feed, $"-p:Version={version}", "-c", RepositoryLayout.Configuration, "-nologo")
            .AssertSucceeded();

        var consumer = Path.Combine(root, "consumer");
        Directory.CreateDirectory(consumer);
        File.WriteAllText(Path.Combine(consumer, "global.json"), $$"""{ "msbuild-sdks": { "Codesign.Sdk": "{{version}}" } }""");
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(consumer, "Tagger.nnproj"), """
            <Project Sdk="Codesign.Sdk">
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "tagger.yaml"), NnProject.SmallSpec);

        var result = Dotnet.Run(consumer, environment, "build", "Tagger.nnproj", "-v:n", "-tl:off", "-nologo", $"-p:CodesignToolPath={RepositoryLayout.ToolAssembly}");

        result.AssertSucceeded();
        Assert.True(result.StageRan("train"), result.Output);
        Assert.True(File.Exists(Path.Combine(packages, "codesign.sdk", version, "tools", "net8.0", "Codesign.Build.Tasks.dll")));
        Assert.True(File.Exists(Path.Combine(consumer, "bin", "Debug", "netstandard2.0", "codesign", "tagger", "float", "weights.bin")));
    }
}
