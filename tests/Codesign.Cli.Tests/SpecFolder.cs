namespace Codesign.Cli.Tests;

internal sealed class SpecFolder : IDisposable
{
    public const string Spec = """
        model:
          layers: [ { units: 12 }, { units: 5 } ]
        data:
          source: jets
          samples: 2000
          seed: 9
        training:
          epochs: 2
          batch_size: 128
          learning_rate: 0.01
        """;

    public SpecFolder(string spec = Spec)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("codesign-cli-").FullName;
        SpecPath = Path.Combine(Directory, "model.yaml");
        File.WriteAllText(SpecPath, spec);
    }

    public string Directory { get; }

    public string SpecPath { get; }

    public string WorkDirectory => Path.Combine(Directory, "obj", "codesign", "model");

    public string OutputDirectory => Path.Combine(Directory, "bin", "codesign", "model");

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
