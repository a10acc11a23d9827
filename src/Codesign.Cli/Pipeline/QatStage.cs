using System.Globalization;
using System.Text;
using Codesign.Cli.Reporting;
using Codesign.Core.Artifacts;
using Codesign.Core.Quantized;
using Codesign.Core.Spec;
using Codesign.Data.Files;
using Codesign.Precision;
using Codesign.Data;
using Codesign.Training.Autoencoder;
using Codesign.Training.Float;
using Codesign.Training.Quantization;

namespace Codesign.Cli.Pipeline;

/// <summary>Quantization-aware training: the fixed-point model, its metrics beside the float model's, ROC curves.</summary>
internal sealed class QatStage : IStage
{
    public string Name => "qat";

    public string? NotConfiguredReason(CodesignSpec spec) => spec.Precision is null ? "the spec has no 'precision' section" : null;

    public string OutputDirectory(StagePaths paths) => paths.QatDirectory;

    public SortedDictionary<string, string> SpecInputs(CodesignSpec spec) => new(StringComparer.Ordinal)
    {
        ["spec:model"] = spec.SectionHashes["model"],
        ["spec:precision"] = spec.SectionHashes["precision"],
        ["spec:qat"] = spec.SectionHashes["qat"],
        ["code"] = StageCodeIdentity.Of(typeof(QatTrainer).Assembly),
    };

    public IReadOnlyDictionary<string, string> FileInputs(CodesignSpec spec, StagePaths paths)
    {
        var files = new Dictionary<string, string>
        {
            ["dataset"] = paths.DatasetFile,
            ["float-weights"] = paths.FloatWeightsFile,
        };
        if (spec.Precision?.Mode == PrecisionMode.Mixed)
        {
            files["allocation"] = paths.AllocationFile;
        }

        return files;
    }

    public IReadOnlyList<string> Run(CodesignSpec spec, StagePaths paths, IStageReporter reporter, CancellationToken cancellation)
    {
        var precision = spec.Precision!;
        var dataset = DatasetFile.Read(paths.DatasetFile);
        var floatWeights = TensorFile.Read(paths.FloatWeightsFile);
        var plan = precision.Mode == PrecisionMode.Mixed
            ? MixedPlan(AllocationReport.Read(paths.AllocationFile), precision)
            : QuantizationPlan.Uniform(spec.Model.HardwareLayers.Count(l => l.HasWeights), precision.WeightBits, precision.ActivationBits, precision.InputBits, precision.OutputBits);
        if (spec.Model.Task == ModelTask.Reconstruction)
        {
            return RunAutoencoder(spec, paths, reporter, dataset, floatWeights, plan, cancellation);
        }
        var result = reporter.Training(spec.Qat.Settings.Epochs, progress => QatTrainer.Train(
            spec.Model, spec.Qat, plan, floatWeights, dataset, progress, cancellation));

        QuantizedModelFile.Write(paths.QuantizedModelFile, result.Model);
        var fidelity = IntegerFidelity.Check(result.Model, dataset.Test, result.TestScores);
        reporter.Info(fidelity.Describe());
        var floatNetwork = FloatModel.Predict(spec.Model, floatWeights, dataset.Test);
        MetricsReport.WriteQuantized(paths.QatMetricsFile, spec, result, paths.FloatMetricsFile, fidelity);
        AtomicFile.WriteAllText(paths.QatHistoryFile, MetricsReport.History(result.History));
        RocPlot.Write(paths.QatRocPlot, dataset.ClassNames, dataset.Test.Labels, [("quantized", result.TestScores), ("float", floatNetwork)]);
        reporter.Info(string.Create(CultureInfo.InvariantCulture,
            $"qat: test accuracy {result.Test.Accuracy:P2} at {Describe(result.Model)}"));
        return [paths.QuantizedModelFile, paths.QatMetricsFile, paths.QatHistoryFile, paths.QatRocPlot];
    }

    /// <summary>An autoencoder: the encoder quantized, the decoder float; quality is the EMD of the reconstruction.</summary>
    private static IReadOnlyList<string> RunAutoencoder(CodesignSpec spec, StagePaths paths, IStageReporter reporter, Dataset dataset, IReadOnlyList<NamedTensor> floatWeights, QuantizationPlan plan, CancellationToken cancellation)
    {
        var result = reporter.Training(spec.Qat.Settings.Epochs, progress => AutoencoderQatTrainer.Train(
            spec.Model, spec.Qat, plan, floatWeights, dataset, progress, cancellation));

        QuantizedModelFile.Write(paths.QuantizedModelFile, result.Encoder);
        TensorFile.Write(paths.QatDecoderWeightsFile, result.DecoderWeights);
        var fidelity = IntegerFidelity.Check(result.Encoder, dataset.Test, result.TestLatents);
        reporter.Info(fidelity.Describe(classifier: false));
        ReconstructionReport.WriteQuantized(paths.QatMetricsFile, spec, result, paths.FloatMetricsFile, fidelity);
        AtomicFile.WriteAllText(paths.QatHistoryFile, MetricsReport.History(result.History));
        reporter.Info(string.Create(CultureInfo.InvariantCulture,
            $"qat: test EMD {result.Test.Emd.Mean:F4} cell spacings with the quantized encoder ({Describe(result.Encoder)}) and the float decoder"));
        return [paths.QuantizedModelFile, paths.QatDecoderWeightsFile, paths.QatMetricsFile, paths.QatHistoryFile];
    }

    private static QuantizationPlan MixedPlan(AllocationReport allocation, PrecisionSpec precision) => new(
        precision.InputBits,
        allocation.Layers.Select(layer => new LayerPrecision(layer.WeightBits, layer.OutputActivationBits)).ToList(),
        precision.OutputBits);

    private static string Describe(QuantizedModel model)
    {
        var text = new StringBuilder($"input {model.InputFormat}");
        foreach (var layer in model.Layers)
        {
            text.Append(CultureInfo.InvariantCulture, $"; {layer.Name} w {layer.WeightFormat} out {layer.OutputFormat}");
        }

        return text.ToString();
    }
}
