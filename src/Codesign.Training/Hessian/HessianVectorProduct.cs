using Codesign.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Codesign.Training.Hessian;

/// <summary>
/// Hv for the Hessian block of one weight tensor W, without forming H: the loss gradient g = dL/dW is built once
/// with its own graph (create_graph), and each product differentiates g·v once more ("double backward").
/// L is the mean over the batches of each batch's loss: a classifier's mean cross-entropy on its logits, or an
/// autoencoder's mean squared reconstruction error.
/// </summary>
/// <remarks>
/// The network should be in eval mode, so BatchNorm uses its running statistics and the loss of a row does not
/// depend on the other rows of its batch. The graph behind g lives until <see cref="Dispose"/>.
/// </remarks>
public sealed class HessianVectorProduct : IDisposable
{
    private readonly Tensor weight;
    private readonly Tensor gradient;

    public HessianVectorProduct(MlpNetwork network, IReadOnlyList<(Tensor Features, Tensor Labels)> batches, Tensor weight)
        : this((features, labels) => nn.functional.cross_entropy(network.forward(features), labels), batches, weight)
    {
        ArgumentNullException.ThrowIfNull(network);
    }

    /// <param name="batchLoss">The loss of one batch from its features and targets (labels, or the input itself).</param>
    public HessianVectorProduct(Func<Tensor, Tensor, Tensor> batchLoss, IReadOnlyList<(Tensor Features, Tensor Labels)> batches, Tensor weight)
    {
        ArgumentNullException.ThrowIfNull(batchLoss);
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentOutOfRangeException.ThrowIfZero(batches.Count);
        this.weight = weight;
        Shape = weight.shape;

        using var scope = torch.NewDisposeScope();
        using var enabled = torch.enable_grad();
        Tensor? sum = null;
        foreach (var (features, labels) in batches)
        {
            var loss = batchLoss(features, labels);
            sum = sum is null ? loss : sum + loss;
        }

        var mean = sum! / batches.Count;
        // TorchSharp 0.107 does not default retain_graph to create_graph as PyTorch does: without retain_graph the
        // forward graph is freed here and the first product aborts the process.
        gradient = torch.autograd.grad([mean], [weight], retain_graph: true, create_graph: true)[0].DetachFromDisposeScope();
    }

    /// <summary>Shape of the weight tensor, and of every vector this product takes and returns.</summary>
    public long[] Shape { get; }

    public long ParameterCount => Shape.Aggregate(1L, (product, size) => product * size);

    /// <summary>
    /// H·<paramref name="direction"/>, shaped like the weight. Differentiating g with <paramref name="direction"/> as
    /// the output gradient gives d(g·v)/dW = Hv without building the scalar g·v; H is symmetric.
    /// </summary>
    public Tensor Apply(Tensor direction)
    {
        ArgumentNullException.ThrowIfNull(direction);
        if (!direction.shape.SequenceEqual(Shape))
        {
            throw new ArgumentException($"The direction has shape [{string.Join(", ", direction.shape)}]; the weight has [{string.Join(", ", Shape)}].", nameof(direction));
        }

        using var enabled = torch.enable_grad();
        // retain_graph: every product walks the same graph again (Hutchinson, power iteration).
        return torch.autograd.grad([gradient], [weight], [direction], retain_graph: true)[0];
    }

    public void Dispose() => gradient.Dispose();
}
