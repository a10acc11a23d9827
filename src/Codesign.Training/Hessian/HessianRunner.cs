using Codesign.Core.Artifacts;
using Codesign.Core.Spec;
using Codesign.Data;
using Codesign.Training.Models;

namespace Codesign.Training.Hessian;

/// <summary>Analyzes stored float weights: builds the network, loads them and runs <see cref="HessianAnalyzer"/>.</summary>
public static class HessianRunner
{
    public static HessianReport Analyze(ModelSpec model, IReadOnlyList<NamedTensor> weights, DatasetSplit train, HessianOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Task == ModelTask.Reconstruction)
        {
            using var autoencoder = BuildAutoencoder(model, weights);
            return HessianAnalyzer.Analyze(autoencoder, train, options);
        }

        using var network = BuildNetwork(model, weights);
        return HessianAnalyzer.Analyze(network, train, options);
    }

    private static AutoencoderNetwork BuildAutoencoder(ModelSpec model, IReadOnlyList<NamedTensor> weights)
    {
        lock (TorchProcessState.Gate)
        {
            var network = new AutoencoderNetwork(model);
            network.Load(weights);
            return network;
        }
    }

    private static MlpNetwork BuildNetwork(ModelSpec model, IReadOnlyList<NamedTensor> weights)
    {
        // Construction draws initial weights from libtorch's global generator; take turns like every trainer.
        lock (TorchProcessState.Gate)
        {
            var network = new MlpNetwork(model);
            network.Load(weights);
            return network;
        }
    }
}
