using System.Text.Json;
using System.Text.Json.Serialization;
using Codesign.Core.Artifacts;
using Codesign.Core.Diagnostics;

namespace Codesign.Hls.Simulation;

/// <summary>One output element where the C-simulation and the executor disagree.</summary>
public sealed record CSimulationMismatch(int Sample, int Output, long ExpectedCode, long ActualCode);

/// <summary>The first node (in execution order) whose output differs in a traced sample, and the first element that does.</summary>
public sealed record CSimulationLayerDifference(int Sample, int NodeIndex, string Node, string Tensor, int Element, long ExpectedCode, long ActualCode);

/// <summary>What the generated testbench executable reported for tb_data.</summary>
public sealed record TestBenchRun(int ExitCode, long Samples, long Mismatches);

/// <summary>
/// The outcome of a C-simulation, written to csim.json: the pass condition is <see cref="Identical"/>, zero
/// differing bits in every output code of every sample.
/// </summary>
public sealed record CSimulationReport
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public required string Project { get; init; }

    public required int Samples { get; init; }

    public required int Outputs { get; init; }

    public bool Identical => MismatchedSamples == 0 && (TestBench is null || TestBench is { ExitCode: 0, Mismatches: 0 });

    public required int MismatchedSamples { get; init; }

    public required long MismatchedOutputs { get; init; }

    /// <summary>The first few differing outputs, in sample order.</summary>
    public required IReadOnlyList<CSimulationMismatch> FirstMismatches { get; init; }

    /// <summary>Per traced failing sample, the first layer that differs (empty when everything matched).</summary>
    public required IReadOnlyList<CSimulationLayerDifference> FirstDifferingLayers { get; init; }

    public TestBenchRun? TestBench { get; init; }

    /// <summary>g++ time for the library and the testbench (zero for a reused identical build), and for the trace build.</summary>
    public required double CompileSeconds { get; init; }

    public required double PredictSeconds { get; init; }

    public required double ReferenceSeconds { get; init; }

    public void Write(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, JsonOptions) + "\n");

    /// <summary>CSD0503 naming the first differing layer, when the C-simulation is not bit-exact.</summary>
    public void ThrowIfMismatched()
    {
        if (Identical)
        {
            return;
        }

        var layer = FirstDifferingLayers.Count > 0
            ? $"; the first differing layer is node {FirstDifferingLayers[0].NodeIndex} '{FirstDifferingLayers[0].Node}' (tensor '{FirstDifferingLayers[0].Tensor}', sample {FirstDifferingLayers[0].Sample}, element {FirstDifferingLayers[0].Element}: expected code {FirstDifferingLayers[0].ExpectedCode}, got {FirstDifferingLayers[0].ActualCode})"
            : string.Empty;
        throw new CodesignException(DiagnosticCodes.CSimulationMismatch, default,
            $"the C-simulation of '{Project}' differs from the reference executor in {MismatchedOutputs} outputs of {MismatchedSamples} of {Samples} samples{layer}");
    }
}
