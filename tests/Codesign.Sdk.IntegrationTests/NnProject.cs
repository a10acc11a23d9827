namespace Codesign.Sdk.IntegrationTests;

/// <summary>
/// A throw-away .nnproj in its own temp folder that imports the SDK from this repository by path and uses the
/// freshly built tool and tasks, as the samples do.
/// </summary>
internal sealed class NnProject : IDisposable
{
    public const string SmallSpec = """
        # a small jet tagger for fast tests
        name: small
        description: first description
        model:
          layers:
            - { units: 16 }
            - { units: 5 }
        data:
          source: jets
          samples: 3000
          seed: 3
        training:
          epochs: 2
          batch_size: 256
          learning_rate: 0.01
          seed: 7
        """;

    private readonly bool ownsRoot;

    public NnProject(string spec = SmallSpec, string name = "Small", string? root = null)
    {
        ownsRoot = root is null;
        Root = root ?? Directory.CreateTempSubdirectory("codesign-it-").FullName;
        Name = name;
        Directory.CreateDirectory(ProjectDirectory);
        File.WriteAllText(ProjectPath, $"""
            <Project>
              <PropertyGroup>
                <CodesignToolPath>{RepositoryLayout.ToolAssembly}</CodesignToolPath>
                <CodesignTasksAssembly>{RepositoryLayout.TasksAssembly}</CodesignTasksAssembly>
              </PropertyGroup>
              <Import Project="{RepositoryLayout.SdkProps}" />
              <Import Project="{RepositoryLayout.SdkTargets}" />
            </Project>
            """);
        WriteSpec(spec);
    }

    public string Root { get; }

    public string Name { get; }

    public string ProjectDirectory => Path.Combine(Root, Name);

    public string ProjectPath => Path.Combine(ProjectDirectory, Name + ".nnproj");

    public string SpecPath => Path.Combine(ProjectDirectory, "spec.yaml");

    public string OutputDirectory => Path.Combine(ProjectDirectory, "bin", "Debug", "netstandard2.0", "codesign", "spec");

    public string WorkDirectory => Path.Combine(ProjectDirectory, "obj", "Debug", "netstandard2.0", "codesign", "spec");

    public string FloatWeights => Path.Combine(OutputDirectory, "float", "weights.bin");

    public string FloatMetrics => Path.Combine(OutputDirectory, "float", "metrics.json");

    public string Dataset => Path.Combine(WorkDirectory, "data", "dataset.bin");

    public void WriteSpec(string spec) => File.WriteAllText(SpecPath, spec);

    public void EditSpec(string from, string to)
    {
        var text = File.ReadAllText(SpecPath);
        Assert.Contains(from, text, StringComparison.Ordinal);
        // Timestamps have coarse resolution on some file systems; make sure the edit is seen as newer.
        Thread.Sleep(20);
        File.WriteAllText(SpecPath, text.Replace(from, to, StringComparison.Ordinal));
    }

    public ProcessResult Build(params string[] extra) => Build(null, extra);

    public ProcessResult Build(IReadOnlyDictionary<string, string>? environment, params string[] extra) =>
        Dotnet.Run(ProjectDirectory, environment, ["build", ProjectPath, "-v:n", "-tl:off", "-nologo", .. extra]);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(ownsRoot ? Root : ProjectDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
