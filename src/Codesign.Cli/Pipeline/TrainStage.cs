using System.Globalization;
using Codesign.Core.Artifacts;
using Codesign.Core.Spec;
using Codesign.Data;
using Codesign.Data.Files;
using Codesign.Training.Autoencoder;
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
        if (spec.Model.Task == ModelTask.Reconstruction)
        {
            return RunAutoencoder(spec, paths, dataset, reporter, cancellation);
        }

        var result = reporter.Training(spec.Training.Epochs, progress => FloatTrainer.Train(spec.Model, spec.Training, dataset, progress, cancellation));

        TensorFile.Write(paths.FloatWeightsFile, result.Weights);
        MetricsReport.Write(paths.FloatMetricsFile, spec, result);
        AtomicFile.WriteAllText(paths.FloatHistoryFile, MetricsReport.History(result.History));
        reporter.Info(string.Create(CultureInfo.InvariantCulture,
            $"train: test accuracy {result.Test.Accuracy:P2} on {result.Test.Samples} samples; mean ROC AUC {result.Test.RocAuc.Average():F4}"));
        return [paths.FloatWeightsFile, paths.FloatMetricsFile, paths.FloatHistoryFile];
    }

    private static IReadOnlyList<string> RunAutoencoder(CodesignSpec spec, StagePaths paths, Dataset dataset, IStageReporter reporter, CancellationToken cancellation)
    {
        var result = reporter.Training(spec.Training.Epochs, progress => AutoencoderTrainer.Train(spec.Model, spec.Training, dataset, progress, cancellation));
        TensorFile.Write(paths.FloatWeightsFile, result.Weights);
        ReconstructionReport.WriteFloat(paths.FloatMetricsFile, spec, result);
        AtomicFile.WriteAllText(paths.FloatHistoryFile, MetricsReport.History(result.History));
        reporter.Info(string.Create(CultureInfo.InvariantCulture,
            $"train: test EMD {result.Test.Emd.Mean:F4} cell spacings (mean over {result.Test.Emd.Evaluated} modules), MSE {result.Test.MeanSquaredError:G4}"));
        return [paths.FloatWeightsFile, paths.FloatMetricsFile, paths.FloatHistoryFile];
    }
}
