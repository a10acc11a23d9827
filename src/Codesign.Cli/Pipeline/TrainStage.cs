using System.Globalization;
using Codesign.Core.Artifacts;
using Codesign.Core.Spec;
using Codesign.Data;
using Codesign.Data.Files;
using Codesign.Training.Float;

namespace Codesign.Cli.Pipeline;

/// <summary>Float training: weights, metrics and per-epoch history of the spec's network.</summary>
internal sealed class TrainStage : IStage
{
    public string Name => "train";

    public string? NotConfiguredReason(CodesignSpec spec) => null;

    public string OutputDirectory(StagePaths paths) => paths.FloatDirectory;

    public SortedDictionary<string, string> SpecInputs(CodesignSpec spec) => new(StringComparer.Ordinal)
    {
        ["spec:model"] = spec.SectionHashes["model"],
        ["spec:training"] = spec.SectionHashes["training"],
        ["code"] = StageCodeIdentity.Of(typeof(FloatTrainer).Assembly),
    };

    public IReadOnlyDictionary<string, string> FileInputs(CodesignSpec spec, StagePaths paths) =>
        new Dictionary<string, string> { ["dataset"] = paths.DatasetFile };

    public IReadOnlyList<string> Run(CodesignSpec spec, StagePaths paths, IStageReporter reporter, CancellationToken cancellation)
    {
        var dataset = DatasetFile.Read(paths.DatasetFile);
        var result = reporter.Training(spec.Training.Epochs, progress => FloatTrainer.Train(spec.Model, spec.Training, dataset, progress, cancellation));

        TensorFile.Write(paths.FloatWeightsFile, result.Weights);
        MetricsReport.Write(paths.FloatMetricsFile, spec, result);
        AtomicFile.WriteAllText(paths.FloatHistoryFile, MetricsReport.History(result.History));
        reporter.Info(string.Create(CultureInfo.InvariantCulture,
            $"train: test accuracy {result.Test.Accuracy:P2} on {result.Test.Samples} samples; mean ROC AUC {result.Test.RocAuc.Average():F4}"));
        return [paths.FloatWeightsFile, paths.FloatMetricsFile, paths.FloatHistoryFile];
    }
}
