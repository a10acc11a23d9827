using TorchSharp;
using static TorchSharp.torch;

namespace Codesign.Training.Hessian;

/// <summary>Random vectors drawn only from a caller's generator, never libtorch's process-wide one.</summary>
internal static class RandomDirections
{
    /// <summary>Entries +1 or -1 with equal probability: E[vvᵀ] = I, so E[vᵀHv] = Tr(H), with the least variance of such probes.</summary>
    public static Tensor Rademacher(long[] shape, Generator generator) =>
        torch.randint(0, 2, shape, ScalarType.Float32, generator: generator).mul_(2).sub_(1);

    /// <summary>A unit vector with a uniformly random direction (normalized Gaussian).</summary>
    public static Tensor UnitGaussian(long[] shape, Generator generator)
    {
        var direction = torch.randn(shape, ScalarType.Float32, generator: generator);
        return direction.div_(direction.norm());
    }

    /// <summary>vᵀw accumulated in double, so long blocks do not lose the small vᵀHv terms to float rounding.</summary>
    public static double Dot(Tensor v, Tensor w) =>
        v.to_type(ScalarType.Float64).flatten().dot(w.to_type(ScalarType.Float64).flatten()).item<double>();
}
