using System.Globalization;
using Codesign.Core.Artifacts;
using Codesign.Core.Diagnostics;
using Codesign.Core.Graph;
using Codesign.Core.Quantized;
using Codesign.Core.Spec;
using Codesign.Synthesis;
using Codesign.Synthesis.Estimation;

namespace Codesign.Cli.Pipeline;

/// <summary>
/// Synthesis: Vitis HLS on a copy of the generated project where it is installed; otherwise the CSD0601 warning and
/// the estimator's report, labelled <c>"kind": "estimate"</c>. Either way <c>synth/report.json</c>.
/// </summary>
internal sealed class SynthesisStage : IStage
{
    /// <summary>Set by the SDK from the <c>CodesignVitisHls</c> property.</summary>
    public const string VitisHlsVariable = "CODESIGN_VITIS_HLS";

    public string Name => "synth";

    public string? NotConfiguredReason(CodesignSpec spec) => FirmwareStages.NotConfiguredReason(spec);

    public string OutputDirectory(StagePaths paths) => paths.SynthesisDirectory;

    public SortedDictionary<string, string> SpecInputs(CodesignSpec spec)
    {
        var inputs = FirmwareStages.SpecInputs(spec, typeof(ResourceEstimator).Assembly);

        // Installing Vitis (or pointing at another one) changes what this stage produces.
        inputs["vitis_hls"] = LocateVitis(spec) ?? "not found";
        return inputs;
    }

    public IReadOnlyDictionary<string, string> FileInputs(CodesignSpec spec, StagePaths paths) => new Dictionary<string, string>
    {
        ["quantized-model"] = paths.QuantizedModelFile,
        ["hls-manifest"] = StagePaths.ManifestIn(paths.HlsDirectory),
    };

    public IReadOnlyList<string> Run(CodesignSpec spec, StagePaths paths, IStageReporter reporter, CancellationToken cancellation)
    {
        StaleOutputs.Delete(paths.SynthesisReportFile, paths.SynthesisEstimateFile);
        var hls = spec.Hls;
        var vitis = LocateVitis(spec);
        if (vitis is null)
        {
            reporter.Warning(VitisHlsLocator.NotFound(hls.Location));
            var graph = FirmwareStages.Graph(spec, paths);
            var estimate = ResourceEstimator.Estimate(graph, EstimatorSettings.From(hls));
            SynthesisReportFile.Write(paths.SynthesisReportFile, estimate.Report);
            AtomicFile.WriteAllText(paths.SynthesisEstimateFile, EstimateBreakdown.ToJson(estimate));
            reporter.Info(Describe("estimate", estimate.Report));
            return [paths.SynthesisReportFile, paths.SynthesisEstimateFile];
        }

        var project = paths.SynthesisProjectDirectory(hls.Project);
        CopyProject(paths.HlsProjectDirectory(hls.Project), project);
        var options = new VitisHlsRunOptions
        {
            ExecutablePath = vitis,
            Layout = new HlsProjectLayout(project, hls.Project),
            Steps = StepsOf(hls.SynthesisSteps),
            Timeout = TimeSpan.FromMinutes(hls.SynthesisTimeoutMinutes),
            ReportPath = paths.SynthesisReportFile,
        };
        var report = VitisHlsRunner.RunAsync(options, line => reporter.Info($"synth: {line.Text}"), cancellation).GetAwaiter().GetResult();
        if (report is null)
        {
            reporter.Info("synth: Vitis HLS ran without C synthesis ('hls.synthesis' has no 'csynth'); no report");
            return [];
        }

        reporter.Info(Describe("Vitis HLS", report));
        return [paths.SynthesisReportFile];
    }

    private static string? LocateVitis(CodesignSpec spec)
    {
        var fromSpec = spec.Hls.VitisHlsPath is { } path ? Path.GetFullPath(path, spec.Directory) : null;
        var fromProperty = Environment.GetEnvironmentVariable(VitisHlsVariable) is { Length: > 0 } property ? property : null;
        return VitisHlsLocator.Locate(fromSpec ?? fromProperty, VitisHlsSearchEnvironment.FromProcess(), spec.Hls.Location);
    }

    private static SynthesisSteps StepsOf(SynthesisStepSet steps) => new()
    {
        Csim = steps.HasFlag(SynthesisStepSet.CSimulation),
        Csynth = steps.HasFlag(SynthesisStepSet.CSynthesis),
        Cosim = steps.HasFlag(SynthesisStepSet.Cosimulation),
        Export = steps.HasFlag(SynthesisStepSet.Export),
        Vsynth = steps.HasFlag(SynthesisStepSet.VivadoSynthesis),
    };

    private static void CopyProject(string source, string destination)
    {
        if (!Directory.Exists(source))
        {
            throw new CodesignException(DiagnosticCodes.MissingUpstreamArtifact, SourceSpan.WholeFile(source), "the HLS project is missing; run the hls stage");
        }

        if (Directory.Exists(destination))
        {
            Directory.Delete(destination, recursive: true);
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string Describe(string source, SynthesisReport report) => string.Create(CultureInfo.InvariantCulture,
        $"synth: {source}: latency {report.Latency.WorstCycles?.ToString(CultureInfo.InvariantCulture) ?? "?"} cycles ({report.Latency.WorstNs?.ToString("F1", CultureInfo.InvariantCulture) ?? "?"} ns), interval {report.Latency.IntervalMax?.ToString(CultureInfo.InvariantCulture) ?? "?"}, LUT {report.Resources.Lut?.ToString("N0", CultureInfo.InvariantCulture) ?? "?"}, FF {report.Resources.Ff?.ToString("N0", CultureInfo.InvariantCulture) ?? "?"}, DSP {report.Resources.Dsp?.ToString(CultureInfo.InvariantCulture) ?? "?"}");
}
