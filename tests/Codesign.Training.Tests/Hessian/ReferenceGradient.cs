using Codesign.Data;

namespace Codesign.Training.Tests.Hessian;

/// <summary>
/// The loss gradient of the fixture network (dense ReLU layer, dense logits, no batch norm) coded by hand in double
/// precision, independent of torch's autograd: the check that the double-backward products are right.
/// </summary>
internal sealed class ReferenceGradient(DatasetSplit rows, int batches, int batchSize)
{
    /// <summary>d/dW of the mean over batches of each batch's mean cross-entropy, for dense_1 and dense_2.</summary>
    public (double[] Dense1, double[] Dense2) Compute(Dictionary<string, double[]> state)
    {
        var w1 = state["dense_1.weight"];
        var b1 = state["dense_1.bias"];
        var w2 = state["dense_2.weight"];
        var b2 = state["dense_2.bias"];
        int inputs = rows.FeatureCount, hidden = b1.Length, classes = b2.Length;
        var g1 = new double[w1.Length];
        var g2 = new double[w2.Length];
        var used = Math.Min(batches * batchSize, rows.RowCount);
        var batchCount = (used + batchSize - 1) / batchSize;
        for (var row = 0; row < used; row++)
        {
            var batchRows = Math.Min(batchSize, used - (row / batchSize * batchSize));
            var weight = 1.0 / batchCount / batchRows;
            var x = rows.Row(row);
            var pre = new double[hidden];
            var h = new double[hidden];
            for (var j = 0; j < hidden; j++)
            {
                pre[j] = b1[j];
                for (var i = 0; i < inputs; i++)
                {
                    pre[j] += w1[(j * inputs) + i] * x[i];
                }

                h[j] = Math.Max(pre[j], 0);
            }

            var logits = new double[classes];
            for (var c = 0; c < classes; c++)
            {
                logits[c] = b2[c];
                for (var j = 0; j < hidden; j++)
                {
                    logits[c] += w2[(c * hidden) + j] * h[j];
                }
            }

            // d(cross-entropy)/d(logits) = softmax - one-hot.
            var max = logits.Max();
            var exp = logits.Select(z => Math.Exp(z - max)).ToArray();
            var sum = exp.Sum();
            var delta2 = exp.Select((e, c) => weight * ((e / sum) - (c == rows.Labels[row] ? 1 : 0))).ToArray();
            for (var c = 0; c < classes; c++)
            {
                for (var j = 0; j < hidden; j++)
                {
                    g2[(c * hidden) + j] += delta2[c] * h[j];
                }
            }

            for (var j = 0; j < hidden; j++)
            {
                if (pre[j] <= 0)
                {
                    continue;
                }

                var delta1 = 0.0;
                for (var c = 0; c < classes; c++)
                {
                    delta1 += w2[(c * hidden) + j] * delta2[c];
                }

                for (var i = 0; i < inputs; i++)
                {
                    g1[(j * inputs) + i] += delta1 * x[i];
                }
            }
        }

        return (g1, g2);
    }
}
