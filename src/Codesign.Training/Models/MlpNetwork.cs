using Codesign.Core.Spec;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Codesign.Training.Models;

/// <summary>
/// The feed-forward network a <see cref="ModelSpec"/> describes. Parameter names follow the spec's layer names
/// (<c>dense_1.weight</c>, <c>dense_1.bn.weight</c>) so artifacts and later stages can address layers by name.
/// </summary>
public sealed class MlpNetwork : Module<Tensor, Tensor>
{
    private readonly ModuleList<Module<Tensor, Tensor>> blocks;

    public MlpNetwork(ModelSpec spec)
        : base("mlp")
    {
        ArgumentNullException.ThrowIfNull(spec);
        Spec = spec;
        blocks = new ModuleList<Module<Tensor, Tensor>>();
        var inputs = spec.Inputs;
        foreach (var layer in spec.Layers)
        {
            blocks.Add(new DenseBlock(layer, inputs));
            inputs = layer.Units;
        }

        RegisterComponents();
    }

    public ModelSpec Spec { get; }

    public override Tensor forward(Tensor input)
    {
        var x = input;
        foreach (var block in blocks)
        {
            x = block.forward(x);
        }

        return x;
    }

    /// <summary>Copies stored weights (as <see cref="NamedState"/> names them) into this network.</summary>
    public void Load(IReadOnlyList<Codesign.Core.Artifacts.NamedTensor> weights)
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

    /// <summary>Parameters and buffers in layer order under their spec names.</summary>
    public IEnumerable<(string Name, Tensor Tensor)> NamedState()
    {
        foreach (var block in blocks.Cast<DenseBlock>())
        {
            foreach (var entry in block.NamedState())
            {
                yield return entry;
            }
        }
    }

    private sealed class DenseBlock : Module<Tensor, Tensor>
    {
        private readonly Linear linear;
        private readonly BatchNorm1d? batchNorm;
        private readonly LayerSpec layer;

        public DenseBlock(LayerSpec layer, int inputs)
            : base(layer.Name)
        {
            this.layer = layer;
            linear = Linear(inputs, layer.Units);
            batchNorm = layer.BatchNorm ? BatchNorm1d(layer.Units) : null;
            RegisterComponents();
        }

        public override Tensor forward(Tensor input)
        {
            var x = linear.forward(input);
            if (batchNorm is not null)
            {
                x = batchNorm.forward(x);
            }

            return layer.Activation == Activation.Relu ? functional.relu(x) : x;
        }

        public IEnumerable<(string Name, Tensor Tensor)> NamedState()
        {
            yield return ($"{layer.Name}.weight", linear.weight!);
            yield return ($"{layer.Name}.bias", linear.bias!);
            if (batchNorm is not null)
            {
                yield return ($"{layer.Name}.bn.weight", batchNorm.weight!);
                yield return ($"{layer.Name}.bn.bias", batchNorm.bias!);
                yield return ($"{layer.Name}.bn.running_mean", batchNorm.running_mean!);
                yield return ($"{layer.Name}.bn.running_var", batchNorm.running_var!);
            }
        }
    }
}
