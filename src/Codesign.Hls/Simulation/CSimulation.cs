using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Codesign.Core.Diagnostics;
using Codesign.Hls.Compilation;
using Codesign.Hls.Project;
using Codesign.Qonnx.Execution;

namespace Codesign.Hls.Simulation;

/// <summary>
/// Runs a generated project's C++ with g++ and compares it with <see cref="GraphExecutor"/> bit for bit: writes
/// tb_data, builds the predictor library (and the testbench), predicts every sample through the real top function,
/// and compares output codes. On a mismatch it rebuilds with -DCODESIGN_TRACE, traces the first failing samples and
/// names the first layer whose codes differ from <see cref="GraphExecutor.Trace"/>. The result goes to csim.json.
/// </summary>
public static partial class CSimulation
{
    public const string ReportFile = "csim.json";

    /// <summary>The g++ the C-simulation would use (<c>CODESIGN_CXX</c>, else PATH), or null when there is none.</summary>
    public static string? CompilerPath()
    {
        try
        {
            return CSimulationCompiler.FindCompiler().ExecutablePath;
        }
        catch (CodesignException exception) when (exception.Diagnostics.All(d => d.Code == DiagnosticCodes.CompilerNotFound))
        {
            return null;
        }
    }

    /// <summary>
    /// Writes <c>tb_data/</c>: the inputs and the reference executor's outputs, which the project's testbench (and
    /// Vitis's csim step) compare against.
    /// </summary>
    public static void WriteTestBenchData(HlsProject project, float[] inputs, int rows)
    {
        ArgumentNullException.ThrowIfNull(project);
        TestBenchData.Write(project, inputs, rows, GraphExecutor.RunCodes(project.Graph, inputs, rows));
    }

    public static CSimulationReport Run(HlsProject project, float[] inputs, int rows, CSimulationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(inputs);
        options ??= new CSimulationOptions();
        var design = project.Design;
        if (inputs.Length != (long)rows * design.InputSize)
        {
            throw new ArgumentException($"expected {(long)rows * design.InputSize} input values for {rows} rows of {design.InputSize}, got {inputs.Length}", nameof(inputs));
        }

        if (inputs.Any(value => !float.IsFinite(value)))
        {
            throw new ArgumentException("C-simulation inputs must be finite (the executor and ap_fixed treat NaN differently)", nameof(inputs));
        }

        var clock = Stopwatch.StartNew();
        var expected = GraphExecutor.RunCodes(project.Graph, inputs, rows);
        var referenceSeconds = clock.Elapsed.TotalSeconds;
        TestBenchData.Write(project, inputs, rows, expected);

        // The library and the testbench are independent g++ runs: build them side by side.
        var library = Task.Run(() => CSimulationCompiler.Library(project, trace: false));
        var testBench = options.RunTestBench ? Task.Run(() => CSimulationCompiler.TestBench(project)) : null;
        var compileSeconds = Wait(library).CompileTime.TotalSeconds + (testBench is null ? 0 : Wait(testBench).CompileTime.TotalSeconds);

        clock.Restart();
        long[] actual;
        using (var predictor = HlsPredictor.Load(project, library.Result.Path))
        {
            actual = predictor.PredictCodes(inputs, rows);
        }

        var predictSeconds = clock.Elapsed.TotalSeconds;
        var (mismatches, failingSamples, mismatchedOutputs) = Compare(expected, actual, design.OutputSize, options.ReportedMismatches);
        var tracedLayers = new List<CSimulationLayerDifference>();
        if (failingSamples.Count > 0 && options.TracedSamples > 0)
        {
            var trace = CSimulationCompiler.Library(project, trace: true);
            compileSeconds += trace.CompileTime.TotalSeconds;
            tracedLayers.AddRange(TraceLayers(project, trace.Path, inputs, [.. failingSamples.Take(options.TracedSamples)]));
        }

        var report = new CSimulationReport
        {
            Project = project.Name,
            Samples = rows,
            Outputs = design.OutputSize,
            MismatchedSamples = failingSamples.Count,
            MismatchedOutputs = mismatchedOutputs,
            FirstMismatches = mismatches,
            FirstDifferingLayers = tracedLayers,
            TestBench = testBench is null ? null : RunTestBench(project, testBench.Result),
            CompileSeconds = Math.Round(compileSeconds, 3),
            PredictSeconds = Math.Round(predictSeconds, 3),
            ReferenceSeconds = Math.Round(referenceSeconds, 3),
        };
        report.Write(options.ReportPath ?? Path.Combine(project.Directory, ReportFile));
        return report;
    }

    private static CompiledArtifact Wait(Task<CompiledArtifact> build)
    {
        try
        {
            return build.GetAwaiter().GetResult();
        }
        catch (AggregateException exception) when (exception.InnerExceptions.Count == 1)
        {
            throw exception.InnerExceptions[0];
        }
    }

    private static (List<CSimulationMismatch> First, List<int> FailingSamples, long Outputs) Compare(long[] expected, long[] actual, int outputs, int limit)
    {
        var first = new List<CSimulationMismatch>();
        var failing = new List<int>();
        long count = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            if (expected[i] == actual[i])
            {
                continue;
            }

            count++;
            var sample = i / outputs;
            if (failing.Count == 0 || failing[^1] != sample)
            {
                failing.Add(sample);
            }

            if (first.Count < limit)
            {
                first.Add(new CSimulationMismatch(sample, i % outputs, expected[i], actual[i]));
            }
        }

        return (first, failing, count);
    }

    /// <summary>For each traced sample, the first node in execution order whose output codes differ.</summary>
    private static IEnumerable<CSimulationLayerDifference> TraceLayers(HlsProject project, string traceLibrary, float[] inputs, int[] samples)
    {
        var design = project.Design;
        var selected = new float[samples.Length * design.InputSize];
        for (var s = 0; s < samples.Length; s++)
        {
            inputs.AsSpan(samples[s] * design.InputSize, design.InputSize).CopyTo(selected.AsSpan(s * design.InputSize));
        }

        var reference = GraphExecutor.Trace(project.Graph, selected, samples.Length);
        long[] traced;
        using (var predictor = HlsPredictor.Load(project, traceLibrary))
        {
            traced = predictor.TraceCodes([.. selected.Select(v => (double)v)], samples.Length);
        }

        for (var s = 0; s < samples.Length; s++)
        {
            foreach (var layer in design.Layers)
            {
                var expected = reference[layer.Node.Output].AsSpan(s * layer.Size, layer.Size);
                var actual = traced.AsSpan((s * design.TraceSize) + layer.TraceOffset, layer.Size);
                var element = expected.CommonPrefixLength(actual);
                if (element < layer.Size)
                {
                    yield return new CSimulationLayerDifference(samples[s], layer.Index, layer.CommentName, Core.Graph.GraphNames.Identifier(layer.Node.Output), element, expected[element], actual[element]);
                    break;
                }
            }
        }
    }

    private static TestBenchRun RunTestBench(HlsProject project, CompiledArtifact executable)
    {
        var result = ToolProcess.Run(executable.Path, [], project.Directory, TimeSpan.FromMinutes(10));
        var summary = TestBenchSummary().Match(result.StandardOutput);
        return summary.Success
            ? new TestBenchRun(result.ExitCode, long.Parse(summary.Groups[1].Value, CultureInfo.InvariantCulture), long.Parse(summary.Groups[2].Value, CultureInfo.InvariantCulture))
            : new TestBenchRun(result.ExitCode, 0, -1);
    }

    [GeneratedRegex(@"^samples (\d+) mismatches (\d+)$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex TestBenchSummary();
}
