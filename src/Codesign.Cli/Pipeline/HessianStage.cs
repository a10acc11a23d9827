using System.Globalization;
using System.Text.Json;
using Codesign.Cli.Reporting;
using Codesign.Core.Artifacts;
using Codesign.Core.Spec;
using Codesign.Data.Files;
using Codesign.Training.Hessian;

namespace Codesign.Cli.Pipeline;

/// <summary>Per-layer Hessian trace and top eigenvalue of the float model: how sensitive each layer is to noise.</summary>
internal sealed class HessianStage : IStage
{
    public string Name => "hessian";

    public string? NotConfiguredReason(CodesignSpec spec) => MixedPrecisionStages.NotConfiguredReason(spec);

    public string OutputDirectory(StagePaths paths) => paths.HessianDirectory;

    public SortedDictionary<string, string> SpecInputs(CodesignSpec spec) => new(StringComparer.Ordinal)
    {
        ["spec:model"] = spec.SectionHashes["model"],
        ["spec:hessian"] = spec.SectionHashes["hessian"],
        ["spec:precision"] = spec.SectionHashes["precision"],
        ["code"] = StageCodeIdentity.Of(typeof(HessianAnalyzer).Assembly),
    };

    public IReadOnlyDictionary<string, string> FileInputs(CodesignSpec spec, StagePaths paths) => new Dictionary<string, string>
    {
        ["dataset"] = paths.DatasetFile,
        ["float-weights"] = paths.FloatWeightsFile,
    };

    public IReadOnlyList<string> Run(CodesignSpec spec, StagePaths paths, IStageReporter reporter, CancellationToken cancellation)
    {
        var dataset = DatasetFile.Read(paths.DatasetFile);
        var h = spec.Hessian;
        var options = new HessianOptions
        {
            Batches = h.Batches,
            BatchSize = h.BatchSize,
            Seed = h.Seed,
            TraceTolerance = h.TraceTolerance,
            MinProbes = h.MinProbes,
            MaxProbes = h.MaxProbes,
            EigenTolerance = h.EigenTolerance,
            MaxIterations = h.MaxIterations,
        };
        var report = HessianRunner.Analyze(spec.Model, TensorFile.Read(paths.FloatWeightsFile), dataset.Train, options);
        AtomicFile.WriteAllText(paths.HessianReportFile, JsonSerializer.Serialize(report, ReportJson.Options) + "\n");
        HessianPlot.Write(paths.HessianPlot, report);
        foreach (var layer in report.Layers)
        {
            reporter.Info(string.Create(CultureInfo.InvariantCulture,
                $"hessian: {layer.Layer}: trace {layer.Trace:G5} ± {layer.TraceStandardError:G2} ({layer.TraceProbes} probes), trace/n {layer.AverageTrace:G4}, top eigenvalue {layer.TopEigenvalue:G5}"));
        }

        return [paths.HessianReportFile, paths.HessianPlot];
    }
}
