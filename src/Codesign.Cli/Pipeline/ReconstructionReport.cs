using System.Text.Json;
using System.Text.Json.Nodes;
using Codesign.Core.Artifacts;
using Codesign.Core.Spec;
using Codesign.Training.Autoencoder;
using Codesign.Training.Metrics;

namespace Codesign.Cli.Pipeline;

/// <summary>metrics.json of an autoencoder: reconstruction quality as EMD (cell spacings) and MSE.</summary>
internal static class ReconstructionReport
{
    public static void WriteFloat(string path, CodesignSpec spec, AutoencoderTrainingResult result)
    {
        var root = new JsonObject
        {
            ["spec"] = spec.Name,
            ["model"] = "float",
            ["test"] = Describe(result.Test),
            ["validation"] = result.Validation is null ? null : Describe(result.Validation),
            ["final_train_loss"] = result.History[^1].TrainLoss,
        };
        Write(path, root);
    }

    /// <summary>The quantized encoder with the float decoder, the float model's numbers beside it, and the fidelity check.</summary>
    public static void WriteQuantized(string path, CodesignSpec spec, AutoencoderQatResult result, string floatMetricsPath, IntegerFidelity fidelity)
    {
        var floatMetrics = JsonNode.Parse(File.ReadAllText(floatMetricsPath))!["test"]!.DeepClone();
        var floatEmd = (double?)floatMetrics["emd"];
        var root = new JsonObject
        {
            ["spec"] = spec.Name,
            ["model"] = "quantized encoder, float decoder",
            ["test"] = Describe(result.Test),
            ["validation"] = result.Validation is null ? null : Describe(result.Validation),
            ["float_test"] = floatMetrics,
            ["emd_increase"] = floatEmd is { } before && double.IsFinite(result.Test.Emd.Mean) ? result.Test.Emd.Mean - before : null,
            ["integer_executor"] = new JsonObject
            {
                ["samples"] = fidelity.Samples,
                ["identical_outputs"] = fidelity.IdenticalOutputs,
                ["max_difference_lsb"] = fidelity.MaxDifferenceLsb,
            },
            ["final_train_loss"] = result.History[^1].TrainLoss,
        };
        Write(path, root);
    }

    public static JsonObject Describe(ReconstructionMetrics metrics) => new()
    {
        ["samples"] = metrics.Samples,
        ["emd"] = Finite(metrics.Emd.Mean),
        ["emd_modules"] = metrics.Emd.Evaluated,
        // Modules whose reconstruction has no charge at all: the EMD is undefined there, so they are counted instead.
        ["emd_undefined"] = metrics.Emd.Undefined,
        ["mse"] = Finite(metrics.MeanSquaredError),
    };

    public static void Write(string path, JsonObject root) =>
        AtomicFile.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");

    private static JsonValue? Finite(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;
}
