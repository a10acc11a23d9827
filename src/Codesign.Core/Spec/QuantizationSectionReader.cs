using Codesign.Core.Diagnostics;
using Codesign.Core.Spec.Yaml;

namespace Codesign.Core.Spec;

internal static class QuantizationSectionReader
{
    private static readonly Dictionary<string, PrecisionMode> Modes = new(StringComparer.Ordinal)
    {
        ["uniform"] = PrecisionMode.Uniform,
        ["mixed"] = PrecisionMode.Mixed,
    };

    private static readonly string[] UniformOnlyKeys = ["weights", "activations"];

    public static PrecisionSpec? ReadPrecision(MappingReader? reader)
    {
        if (reader is null)
        {
            return null;
        }

        var mode = reader.Choice("mode", PrecisionMode.Uniform, Modes);
        var weightBits = reader.Integer("weights", SpecDefaults.WeightBits, 2, 16);
        var activationBits = reader.Integer("activations", weightBits + SpecDefaults.ActivationExtraBits, 2, 24);
        var inputBits = reader.Integer("input", SpecDefaults.InputBits, 2, 24);
        var outputBits = reader.Integer("output", SpecDefaults.OutputBits, 2, 32);
        if (mode == PrecisionMode.Mixed)
        {
            foreach (var key in UniformOnlyKeys.Where(reader.Has))
            {
                reader.Diagnostics.Error(DiagnosticCodes.InconsistentSpec, reader.KeySpan(key),
                    $"'precision.{key}' applies only to mode 'uniform'; mixed precision takes its widths from the bit allocation");
            }
        }

        reader.RejectUnknownKeys(SpecKeys.Precision);
        return new PrecisionSpec(mode, weightBits, activationBits, inputBits, outputBits, reader.Span);
    }

    public static QatSpec ReadQat(MappingReader? reader, DiagnosticBag diagnostics, SourceSpan rootSpan, ModelTask task)
    {
        var settings = TrainingSectionReader.ReadSettings(reader, diagnostics, rootSpan, SpecDefaults.QatEpochs, SpecDefaults.QatLearningRate, task);
        var warmup = reader?.Integer("activation_warmup_epochs", SpecDefaults.ActivationWarmupEpochs, 0, 1000) ?? SpecDefaults.ActivationWarmupEpochs;
        var momentum = reader?.Number("range_momentum", SpecDefaults.RangeMomentum, 0, 0.9999) ?? SpecDefaults.RangeMomentum;
        var quantile = reader?.Number("range_quantile", SpecDefaults.RangeQuantile, 0.5, 1) ?? SpecDefaults.RangeQuantile;
        if (reader is not null && warmup >= settings.Epochs && reader.Has("activation_warmup_epochs"))
        {
            diagnostics.Error(DiagnosticCodes.InconsistentSpec, reader.KeySpan("activation_warmup_epochs"),
                $"'qat.activation_warmup_epochs' ({warmup}) must be smaller than 'qat.epochs' ({settings.Epochs}): ranges are frozen for the remaining epochs");
        }

        reader?.RejectUnknownKeys(SpecKeys.Qat);
        return new QatSpec(settings, warmup, momentum, quantile, reader?.Span ?? rootSpan);
    }
}
