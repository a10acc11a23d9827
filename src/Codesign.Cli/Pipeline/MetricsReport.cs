using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Codesign.Core.Artifacts;
using Codesign.Core.Spec;
using Codesign.Training.Float;
using Codesign.Training.Metrics;
using Codesign.Training.Quantization;

namespace Codesign.Cli.Pipeline;

/// <summary>metrics.json: the numbers a user compares across runs and precisions.</summary>
internal static class MetricsReport
{
    public static void Write(string path, CodesignSpec spec, FloatTrainingResult result)
    {
        var root = new JsonObject
        {
            ["spec"] = spec.Name,
            ["model"] = "float",
            ["test"] = Describe(result.Test),
            ["validation"] = result.Validation is null ? null : Describe(result.Validation),
            ["final_train_loss"] = result.History[^1].TrainLoss,
            ["final_train_accuracy"] = result.History[^1].TrainAccuracy,
        };
        AtomicFile.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    /// <summary>The quantized model's metrics with the float model's beside them, as users compare the two.</summary>
    public static void WriteQuantized(string path, CodesignSpec spec, QatResult result, string floatMetricsPath, IntegerFidelity fidelity)
    {
        var floatMetrics = JsonNode.Parse(File.ReadAllText(floatMetricsPath))!["test"]!.DeepClone();
        var quantizedAccuracy = result.Test.Accuracy;
        var floatAccuracy = (double)floatMetrics["accuracy"]!;
        var root = new JsonObject
        {
            ["spec"] = spec.Name,
            ["model"] = "quantized",
            ["test"] = Describe(result.Test),
            ["validation"] = result.Validation is null ? null : Describe(result.Validation),
            ["float_test"] = floatMetrics,
            ["accuracy_drop"] = floatAccuracy - quantizedAccuracy,
            ["integer_executor"] = new JsonObject
            {
                ["samples"] = fidelity.Samples,
                ["argmax_agreement"] = fidelity.ArgmaxAgreement,
                ["identical_outputs"] = fidelity.IdenticalOutputs,
                ["max_difference_lsb"] = fidelity.MaxDifferenceLsb,
            },
            ["final_train_loss"] = result.History[^1].TrainLoss,
        };
        AtomicFile.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    public static string History(IReadOnlyList<EpochReport> history)
    {
        var csv = new StringBuilder("epoch,learning_rate,train_loss,train_accuracy,validation_loss,validation_accuracy\n");
        foreach (var e in history)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{e.Epoch},{e.LearningRate:R},{e.TrainLoss:R},{e.TrainAccuracy:R},{e.ValidationLoss:R},{e.ValidationAccuracy:R}\n");
        }

        return csv.ToString();
    }

    private static JsonObject Describe(ClassificationMetrics metrics)
    {
        var auc = new JsonObject();
        for (var c = 0; c < metrics.ClassNames.Count; c++)
        {
            auc[metrics.ClassNames[c]] = double.IsNaN(metrics.RocAuc[c]) ? null : metrics.RocAuc[c];
        }

        return new JsonObject
        {
            ["samples"] = metrics.Samples,
            ["accuracy"] = metrics.Accuracy,
            ["classes"] = new JsonArray(metrics.ClassNames.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()),
            ["roc_auc"] = auc,
            // Rows are true classes, columns predicted classes.
            ["confusion_matrix"] = new JsonArray(metrics.ConfusionMatrix
                .Select(row => (JsonNode?)new JsonArray(row.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray())).ToArray()),
        };
    }
}
