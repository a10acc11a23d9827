using System.Globalization;
using Codesign.Core.Artifacts;
using Codesign.Core.Diagnostics;
using Codesign.Core.Graph;
using Codesign.Core.Quantized;
using Codesign.Core.Spec;
using Codesign.Data.Files;
using Codesign.Hls.Project;
using Codesign.Hls.Simulation;

namespace Codesign.Cli.Pipeline;

/// <summary>
/// Bit-exact C-simulation: g++ builds the project (in its own copy under <c>csim/</c>, so build products never land
/// in the firmware deliverable), runs the test samples and compares every output code with the integer reference
/// executor. One differing bit fails the build with CSD0503 naming the first differing layer.
/// </summary>
internal sealed class CSimulationStage : IStage
{
    public string Name => "csim";

    public string? NotConfiguredReason(CodesignSpec spec) => FirmwareStages.NotConfiguredReason(spec);

    public string OutputDirectory(StagePaths paths) => paths.CSimulationDirectory;

    public SortedDictionary<string, string> SpecInputs(CodesignSpec spec)
    {
        var inputs = FirmwareStages.SpecInputs(spec, typeof(CSimulation).Assembly);

        // Installing g++ later must run the C-simulation that was skipped.
        inputs["compiler"] = CSimulation.CompilerPath() ?? "not found";
        return inputs;
    }

    public IReadOnlyDictionary<string, string> FileInputs(CodesignSpec spec, StagePaths paths) => new Dictionary<string, string>
    {
        ["quantized-model"] = paths.QuantizedModelFile,
        ["dataset"] = paths.DatasetFile,
        ["hls-manifest"] = StagePaths.ManifestIn(paths.HlsDirectory),
    };

    public IReadOnlyList<string> Run(CodesignSpec spec, StagePaths paths, IStageReporter reporter, CancellationToken cancellation)
    {
        StaleOutputs.Delete(paths.CSimulationReportFile);
        if (CSimulation.CompilerPath() is null)
        {
            // A missing compiler is a machine setup matter, not a wrong design: say so loudly, do not fail the build.
            reporter.Warning(Diagnostic.Warning(DiagnosticCodes.CompilerNotFound, spec.Hls.Location,
                "g++ not found; C-simulation skipped. Install a C++14 g++ (Debian/Ubuntu: apt-get install g++) or set CODESIGN_CXX, then build again"));
            return [];
        }

        var graph = FirmwareStages.Graph(spec, paths);
        var project = HlsProjectWriter.Write(graph, HlsSettingsFromSpec.Of(spec.Hls), Path.Combine(paths.CSimulationDirectory, spec.Hls.Project), spec.Hls.Location);
        var (inputs, rows) = HlsSettingsFromSpec.TestSamples(DatasetFile.Read(paths.DatasetFile), spec.Hls);
        var report = CSimulation.Run(project, inputs, rows, new CSimulationOptions { ReportPath = paths.CSimulationReportFile });
        reporter.Info(string.Create(CultureInfo.InvariantCulture,
            $"csim: {rows} test samples, {(report.Identical ? "identical to the reference executor in every bit" : $"{report.MismatchedSamples} samples differ")} (g++ {report.CompileSeconds:F1} s, run {report.PredictSeconds:F2} s)"));
        report.ThrowIfMismatched();
        return [paths.CSimulationReportFile];
    }
}
