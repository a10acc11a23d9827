using Codesign.Core.Artifacts;
using Codesign.Core.Spec;
using Codesign.Data;
using Codesign.Training.Models;

namespace Codesign.Training.Float;

/// <summary>Runs stored float weights, for comparisons such as the float curve beside the quantized one.</summary>
public static class FloatModel
{
    public static float[] Predict(ModelSpec model, IReadOnlyList<NamedTensor> weights, DatasetSplit samples)
    {
        lock (TorchProcessState.Gate)
        {
            using var network = new MlpNetwork(model);
            network.Load(weights);
            return FloatTrainer.Predict(network, samples);
        }
    }
}
