using Codesign.Data;
using Codesign.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Codesign.Training.Hessian;

/// <summary>
/// Per-layer curvature of the training loss for Hessian-aware mixed precision (HAWQ): for each hardware layer's
/// weight block (dense or conv2d), the Hutchinson trace and the top eigenvalue, on fixed training rows with the
/// network in eval mode. For an autoencoder the loss is the reconstruction error of the whole network.
/// </summary>
public static class HessianAnalyzer
{
    /// <summary>
    /// Analyzes every dense layer of <paramref name="network"/> in layer order. The network is left unchanged (its
    /// train/eval mode is restored); the same network, rows and options give a bit-identical report.
    /// </summary>
    public static HessianReport Analyze(MlpNetwork network, DatasetSplit train, HessianOptions options)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (train.RowCount == 0)
        {
            throw new ArgumentException("The Hessian needs at least one training row.", nameof(train));
        }

        if (train.FeatureCount != network.Spec.Inputs)
        {
            throw new ArgumentException($"The rows have {train.FeatureCount} features; the network takes {network.Spec.Inputs}.", nameof(train));
        }

        lock (TorchProcessState.Gate)
        {
            return AnalyzeExclusively(network, WeightBlocks(network), (features, labels) => nn.functional.cross_entropy(network.forward(features), labels), train, options);
        }
    }

    /// <summary>Analyzes the encoder's weighted layers of an autoencoder, on the reconstruction loss of the whole network.</summary>
    public static HessianReport Analyze(AutoencoderNetwork network, DatasetSplit train, HessianOptions options)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (train.RowCount == 0 || train.FeatureCount != network.Spec.InputShape.Size)
        {
            throw new ArgumentException($"The Hessian needs training rows of {network.Spec.InputShape.Size} values; got {train.RowCount} rows of {train.FeatureCount}.", nameof(train));
        }

        var state = network.Encoder.NamedState().ToDictionary(entry => entry.Name, entry => entry.Tensor);
        var blocks = network.Spec.HardwareLayers.Where(layer => layer.HasWeights).Select(layer => (layer.Name, state[$"{layer.Name}.weight"])).ToList();
        lock (TorchProcessState.Gate)
        {
            return AnalyzeExclusively(network, blocks, (features, targets) => nn.functional.mse_loss(network.forward(features), targets), train, options);
        }
    }

    /// <summary>Each dense layer's name and weight tensor (<c>&lt;layer&gt;.weight</c>), in layer order.</summary>
    internal static List<(string Layer, Tensor Weight)> WeightBlocks(MlpNetwork network)
    {
        var state = network.NamedState().ToDictionary(entry => entry.Name, entry => entry.Tensor);
        return network.Spec.Layers.Select(layer => (layer.Name, state[$"{layer.Name}.weight"])).ToList();
    }

    private static HessianReport AnalyzeExclusively(nn.Module<Tensor, Tensor> network, List<(string Layer, Tensor Weight)> blocks, Func<Tensor, Tensor, Tensor> batchLoss, DatasetSplit train, HessianOptions options)
    {
        // A different thread count may reorder float sums inside the kernels, and with them the report's bits.
        torch.set_num_threads(1);
        var wasTraining = network.training;
        network.eval();
        try
        {
            using var scope = torch.NewDisposeScope();
            var batches = HessianBatches.Take(train, options);
            var layers = new List<LayerHessian>();
            foreach (var (index, (layer, weight)) in blocks.Index())
            {
                layers.Add(AnalyzeLayer(batchLoss, batches, layer, weight, index, options));
            }

            return new HessianReport(layers, (int)batches.Sum(batch => batch.Labels.shape[0]), batches.Count, options.Seed);
        }
        finally
        {
            network.train(wasTraining);
        }
    }

    private static LayerHessian AnalyzeLayer(Func<Tensor, Tensor, Tensor> batchLoss, List<(Tensor Features, Tensor Labels)> batches, string layer, Tensor weight, int index, HessianOptions options)
    {
        using var product = new HessianVectorProduct(batchLoss, batches, weight);
        using var traceProbes = new Generator(HessianSeeds.Trace(options.Seed, index));
        using var startVector = new Generator(HessianSeeds.Eigen(options.Seed, index));
        var trace = HessianTraceEstimator.Estimate(product, traceProbes, options.TraceTolerance, options.MinProbes, options.MaxProbes);
        var eigen = TopEigenvalueEstimator.Estimate(product, startVector, options.EigenTolerance, options.MaxIterations);
        return new LayerHessian(layer, (int)product.ParameterCount, trace.Trace, trace.StandardError, trace.Probes, trace.Converged,
            eigen.Eigenvalue, eigen.Iterations, eigen.Converged);
    }
}
