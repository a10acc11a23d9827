using TorchSharp;
using static TorchSharp.torch;

namespace Codesign.Training.Quantization;

/// <summary>
/// One forward pass in training mode without gradients: the activation quantizers measure their ranges on the data,
/// so the first QAT epoch starts from measured formats. The module's mode is restored afterwards.
/// </summary>
internal static class RangeCalibration
{
    public static void Run(nn.Module<Tensor, Tensor> module, Tensor features)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(features);
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var wasTraining = module.training;
        module.train();
        module.forward(features);
        module.train(wasTraining);
    }
}
