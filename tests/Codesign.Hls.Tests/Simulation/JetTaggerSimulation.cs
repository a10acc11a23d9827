using Codesign.Hls.Project;
using Codesign.Hls.Simulation;

namespace Codesign.Hls.Tests.Simulation;

/// <summary>The jet-tagger MLP written and C-simulated once on 10,000 samples, shared by the tests that read the result.</summary>
public sealed class JetTaggerSimulation : IDisposable
{
    public const int Samples = 10_000;

    private readonly TemporaryFolder folder = new("jet");

    public JetTaggerSimulation()
    {
        Graph = TestGraphs.JetTagger();
        Inputs = TestGraphs.Inputs(Samples, 16, TestGraphs.JetInput, seed: 3);
        Project = HlsProjectWriter.Write(Graph, new HlsSettings { ProjectName = "jet_tagger" }, folder.Path);
        Report = CSimulation.Run(Project, Inputs, Samples);
    }

    public Core.Graph.QuantizedGraph Graph { get; }

    public float[] Inputs { get; }

    public HlsProject Project { get; }

    public CSimulationReport Report { get; }

    public void Dispose() => folder.Dispose();
}
