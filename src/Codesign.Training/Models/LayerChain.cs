using Codesign.Core.Artifacts;
using Codesign.Core.Graph;
using Codesign.Core.Spec;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Codesign.Training.Models;

/// <summary>
/// A float chain of spec layers (dense, conv2d, conv_transpose2d, flatten, reshape) that reads and writes
/// channels-last rows (<see cref="ChannelsLast"/>). Parameters are named after the spec's layers
/// (<c>conv.weight</c>, in TorchSharp's layouts: [out, in] for dense, [out, in, kh, kw] for conv2d, [in, out, kh, kw]
/// for conv_transpose2d). Initialization is TorchSharp's default, drawn in layer order from the global generator.
/// </summary>
public sealed class LayerChain : Module<Tensor, Tensor>
{
    private readonly ModuleList<Module<Tensor, Tensor>> blocks = new();
    private readonly IReadOnlyList<LayerSpec> layers;

    public LayerChain(string name, IReadOnlyList<LayerSpec> layers)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Count == 0)
        {
            throw new ArgumentException("A layer chain needs at least one layer.", nameof(layers));
        }

        this.layers = layers;
        foreach (var layer in layers)
        {
            if (layer.BatchNorm)
            {
                throw new NotSupportedException($"layer '{layer.Name}': batch_norm is supported by the classifier's dense network only");
            }

            blocks.Add(Create(layer));
        }

        RegisterComponents();
    }

    public TensorShape InputShape => layers[0].InputShape;

    public TensorShape OutputShape => layers[^1].OutputShape;

    /// <summary>[batch, input elements] channels-last rows to [batch, output elements] channels-last rows.</summary>
    public override Tensor forward(Tensor input)
    {
        var x = ChannelsLast.ToNetwork(input, InputShape);
        for (var i = 0; i < layers.Count; i++)
        {
            x = Activate(blocks[i].forward(x), layers[i].Activation);
        }

        return ChannelsLast.ToRows(x, OutputShape);
    }

    /// <summary>Weights and biases in layer order under their spec names.</summary>
    public IEnumerable<(string Name, Tensor Tensor)> NamedState()
    {
        for (var i = 0; i < layers.Count; i++)
        {
            var (weight, bias) = blocks[i] switch
            {
                Linear linear => (linear.weight, linear.bias),
                Conv2d conv => (conv.weight, conv.bias),
                ConvTranspose2d deconv => (deconv.weight, deconv.bias),
                _ => (null, null),
            };
            if (weight is not null)
            {
                yield return ($"{layers[i].Name}.weight", weight);
                yield return ($"{layers[i].Name}.bias", bias!);
            }
        }
    }

    /// <summary>Copies stored weights (as <see cref="NamedState"/> names them) into this stack.</summary>
    public void Load(IReadOnlyList<NamedTensor> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var byName = weights.ToDictionary(w => w.Name, StringComparer.Ordinal);
        using var noGrad = torch.no_grad();
        foreach (var (name, tensor) in NamedState())
        {
            if (!byName.TryGetValue(name, out var stored) || !stored.Shape.Select(d => (long)d).SequenceEqual(tensor.shape))
            {
                throw new InvalidDataException($"stored weights have no tensor '{name}' of shape [{string.Join(",", tensor.shape)}]; the model section changed since they were written");
            }

            using var source = torch.tensor(stored.Values, tensor.shape);
            tensor.copy_(source);
        }
    }

    public static Tensor Activate(Tensor x, Activation activation) => activation switch
    {
        Activation.Relu => functional.relu(x),
        Activation.Sigmoid => functional.sigmoid(x),
        _ => x,
    };

    private static Module<Tensor, Tensor> Create(LayerSpec layer)
    {
        var c = layer.Convolution;
        return layer.Kind switch
        {
            LayerKind.Dense => Linear(layer.InputShape.Size, layer.Units),
            LayerKind.Conv2d => Conv2d(layer.InputShape[2], layer.Units, c!.Kernel, stride: c.Stride, padding: c.Padding),
            LayerKind.ConvTranspose2d => ConvTranspose2d(layer.InputShape[2], layer.Units, c!.Kernel, stride: c.Stride, padding: c.Padding, output_padding: c.OutputPadding),
            _ => new Relayout(layer),
        };
    }

    /// <summary>Flatten and reshape: the same elements in channels-last order, in the next layer's layout.</summary>
    private sealed class Relayout(LayerSpec layer) : Module<Tensor, Tensor>(layer.Name)
    {
        public override Tensor forward(Tensor input) =>
            ChannelsLast.ToNetwork(ChannelsLast.ToRows(input, layer.InputShape), layer.OutputShape);
    }
}
