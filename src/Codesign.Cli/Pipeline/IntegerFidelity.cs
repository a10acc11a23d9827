using System.Globalization;
using Codesign.Core.Quantized;
using Codesign.Data;
using Codesign.Core.Graph;
using Codesign.Qonnx.Execution;
using Codesign.Training.Metrics;

namespace Codesign.Cli.Pipeline;

/// <summary>
/// Every QAT run checks itself: the integer reference executor runs the exported model on the whole test split and
/// is compared with the fake-quantized TorchSharp outputs, so a fidelity regression shows in every build's metrics.
/// </summary>
internal sealed record IntegerFidelity(int Samples, int ArgmaxAgreement, int IdenticalOutputs, double MaxDifferenceLsb)
{
    public static IntegerFidelity Check(QuantizedModel model, DatasetSplit test, float[] trainedScores)
    {
        var executor = GraphExecutor.Run(QuantizedModelGraph.Build(model, "fidelity"), test.Features, test.RowCount);
        // Outputs per row: a classifier's classes, an encoder's latent values.
        var classes = test.RowCount == 0 ? model.Layers[^1].Units : executor.Length / test.RowCount;
        var lsb = model.OutputFormat.Lsb;
        var agreeing = 0;
        var identical = 0;
        double worst = 0;
        for (var row = 0; row < test.RowCount; row++)
        {
            var exact = executor.AsSpan(row * classes, classes);
            var trained = trainedScores.AsSpan(row * classes, classes);
            agreeing += ClassificationMetrics.ArgMax(exact) == ClassificationMetrics.ArgMax(trained) ? 1 : 0;
            identical += exact.SequenceEqual(trained) ? 1 : 0;
            for (var c = 0; c < classes; c++)
            {
                worst = Math.Max(worst, Math.Abs(exact[c] - trained[c]) / lsb);
            }
        }

        return new IntegerFidelity(test.RowCount, agreeing, identical, worst);
    }

    /// <param name="classifier">False for an encoder, whose outputs are a latent vector rather than class scores.</param>
    public string Describe(bool classifier = true) => string.Create(CultureInfo.InvariantCulture,
        $"qat: integer executor vs trained model on {Samples} test samples: identical outputs {IdenticalOutputs}{(classifier ? $", same class {ArgmaxAgreement}" : string.Empty)}, largest difference {MaxDifferenceLsb} LSB");
}
