using Codesign.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Codesign.Training.Hessian;

/// <summary>
/// The fixed training rows the Hessian is taken on: the first <c>Batches x BatchSize</c> rows in split order, which
/// the splitter's seeded shuffle has already made a random sample. Fixed rows keep every Hessian-vector product of
/// an analysis on the same loss; otherwise probes would mix curvature of different losses.
/// </summary>
internal static class HessianBatches
{
    /// <summary>
    /// Feature and target tensors, one pair per batch; the last one is short when the split runs out. The target is
    /// the labels, or for unlabelled rows (an autoencoder's) the features themselves.
    /// </summary>
    public static List<(Tensor Features, Tensor Labels)> Take(DatasetSplit train, HessianOptions options)
    {
        var batches = new List<(Tensor, Tensor)>();
        var rows = (int)Math.Min((long)options.Batches * options.BatchSize, train.RowCount);
        for (var start = 0; start < rows; start += options.BatchSize)
        {
            var count = Math.Min(options.BatchSize, rows - start);
            // clone(): libtorch's own allocation, as in FloatTrainer.Predict, so the kernels' summation order
            // (chosen by alignment) and with it every bit of the result is the same from run to run.
            var features = torch.tensor(train.Features.AsSpan(start * train.FeatureCount, count * train.FeatureCount).ToArray(), [count, train.FeatureCount]).clone();
            var labels = train.IsLabeled
                ? torch.tensor(train.Labels.AsSpan(start, count).ToArray().Select(l => (long)l).ToArray(), ScalarType.Int64)
                : features;
            batches.Add((features, labels));
        }

        return batches;
    }
}
