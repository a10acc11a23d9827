using Codesign.Core.Spec;
using Codesign.Data;
using Codesign.Training.Hessian;
using Codesign.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Codesign.Training.Tests.Hessian;

/// <summary>A network small enough for its exact Hessian blocks (12 x 12) to be built column by column.</summary>
internal static class HessianFixtures
{
    public static ModelSpec Model(bool batchNorm = false) => new(
        3,
        [
            new LayerSpec("dense_1", LayerKind.Dense, 4, Activation.Relu, batchNorm, default),
            new LayerSpec("dense_2", LayerKind.Dense, 3, Activation.None, false, default),
        ],
        default);

    /// <summary>40 rows in 3 classes; with <see cref="Options"/> they form batches of 24 and 16 rows.</summary>
    public static DatasetSplit Rows(int rows = 40, int seed = 3)
    {
        var random = new Random(seed);
        var features = new float[rows * 3];
        var labels = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            labels[i] = i % 3;
            for (var f = 0; f < 3; f++)
            {
                features[(i * 3) + f] = (float)((f == labels[i] ? 1.0 : 0) + (random.NextDouble() * 2) - 1);
            }
        }

        return new DatasetSplit(features, labels, 3);
    }

    /// <summary>Unequal batches on purpose: the loss is the mean of the batch means, not the mean over rows.</summary>
    public static HessianOptions Options(ulong seed = 7) => new() { Batches = 2, BatchSize = 24, Seed = seed };

    /// <summary>
    /// A network with seeded initial weights. Construction draws from libtorch's process-wide generator, so it
    /// takes the same gate as training; otherwise it could shift a concurrently running training's draws.
    /// </summary>
    public static MlpNetwork Network(bool batchNorm = false, long seed = 11)
    {
        lock (TorchProcessState.Gate)
        {
            torch.manual_seed(seed);
            return new MlpNetwork(Model(batchNorm));
        }
    }

    public static Tensor Weight(MlpNetwork network, string layer) =>
        HessianAnalyzer.WeightBlocks(network).Single(block => block.Layer == layer).Weight;

    /// <summary>Every state tensor as doubles, row-major, for the reference computations.</summary>
    public static Dictionary<string, double[]> State(MlpNetwork network) =>
        network.NamedState().ToDictionary(entry => entry.Name, entry => entry.Tensor.detach().contiguous().data<float>().Select(v => (double)v).ToArray());
}
