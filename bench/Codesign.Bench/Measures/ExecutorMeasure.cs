using Codesign.Bench.Harness;
using Codesign.Core.Graph;
using Codesign.Core.Quantized;
using Codesign.Hls.Project;
using Codesign.Hls.Simulation;
using Codesign.Qonnx.Execution;

namespace Codesign.Bench.Measures;

/// <summary>
/// Inferences per second of the integer reference executor (<see cref="GraphExecutor"/>, single-threaded) and of the
/// g++-compiled C-simulation library through <see cref="HlsPredictor"/>, on one batch of standardized jets, and a
/// check that both give the same codes.
/// </summary>
internal static class ExecutorMeasure
{
    public static void Run(Arguments args)
    {
        var data = BenchData.Load(args.Text("data", "bench/out/data"));
        var modelPath = args.Text("model", "bench/out/qat-model.json");
        var rows = Math.Min(args.Integer("rows", 100_000), data.Rows.RowCount);
        var runs = args.Integer("runs", 5);
        var result = new ResultFile("executor");
        var graph = QuantizedModelGraph.Build(QuantizedModelFile.Read(modelPath), "jet_tagger");
        var inputs = data.Rows.Features.AsSpan(0, rows * data.Rows.FeatureCount).ToArray();

        long[] executorCodes = [];
        var (wall, cpu) = Stopwatches.Time(() => executorCodes = GraphExecutor.RunCodes(graph, inputs, rows), warmups: 1, runs);
        result.Add(Summary.Of("integer executor (RunCodes)", "inferences/s", [.. wall.Select(s => rows / s)]));
        result.Add(Summary.Of("integer executor (RunCodes), per CPU second", "inferences/s", [.. cpu.Select(s => rows / s)]));

        // Trace always takes the reference path (64-bit codes, one whole-batch array per node): the "before" of the fast path.
        long[] referenceCodes = [];
        (wall, cpu) = Stopwatches.Time(() => referenceCodes = GraphExecutor.Trace(graph, inputs, rows)[graph.Output.Name], warmups: 1, runs);
        result.Add(Summary.Of("integer executor, reference path (Trace)", "inferences/s", [.. wall.Select(s => rows / s)]));
        result.Add(Summary.Of("integer executor, reference path (Trace), per CPU second", "inferences/s", [.. cpu.Select(s => rows / s)]));

        var projectDirectory = Path.GetFullPath(args.Text("work", "bench/out/hls-bench"));
        var project = HlsProjectWriter.Write(graph, new HlsSettings { ProjectName = "jet_tagger" }, projectDirectory);
        using var predictor = HlsPredictor.Build(project);
        var wide = inputs.Select(v => (double)v).ToArray();
        long[] simulatedCodes = [];
        (wall, cpu) = Stopwatches.Time(() => simulatedCodes = predictor.PredictCodes(wide, rows), warmups: 1, runs);
        result.Add(Summary.Of("C-simulation library", "inferences/s", [.. wall.Select(s => rows / s)]));
        result.Add(Summary.Of("C-simulation library, per CPU second", "inferences/s", [.. cpu.Select(s => rows / s)]));

        var differing = executorCodes.Zip(simulatedCodes).Count(pair => pair.First != pair.Second);
        result.Fact("codes_differing_runcodes_vs_reference", executorCodes.Zip(referenceCodes).Count(pair => pair.First != pair.Second));
        result.Fact("model", Path.GetFullPath(modelPath));
        result.Fact("rows_per_batch", rows);
        result.Fact("processors", Environment.ProcessorCount);
        result.Fact("codes_differing_executor_vs_csim", differing);
        result.Write(args.Text("out", "bench/out/executor.json"));
    }
}
