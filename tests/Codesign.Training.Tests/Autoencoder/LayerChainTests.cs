using Codesign.Core.Artifacts;
using Codesign.Core.Graph;
using Codesign.Core.Spec;
using Codesign.Training.Models;
using TorchSharp;

namespace Codesign.Training.Tests.Autoencoder;

/// <summary>Convolutions of the float layer chain against hand-computed tiny cases: padding, stride, channels-last order.</summary>
public class LayerChainTests
{
    // A 2x2 image with 2 channels, channels last: pixel (0,0) = (1, 10), (0,1) = (2, 20), (1,0) = (3, 30), (1,1) = (4, 40).
    private static readonly float[] Image = [1, 10, 2, 20, 3, 30, 4, 40];

    private static LayerSpec Conv(int filters, int kernel, int stride, int padding, TensorShape input, TensorShape output) =>
        new("conv", LayerKind.Conv2d, filters, Activation.None, false, default)
        {
            Convolution = new ConvolutionSpec(kernel, stride, padding),
            InputShape = input,
            OutputShape = output,
        };

    private static float[] Run(IReadOnlyList<LayerSpec> layers, IReadOnlyList<NamedTensor> weights, float[] rows)
    {
        using var chain = new LayerChain("test", layers);
        chain.Load(weights);
        using var noGrad = torch.no_grad();
        using var input = torch.tensor(rows, [1, rows.Length]);
        using var output = chain.forward(input);
        return output.data<float>().ToArray();
    }

    /// <summary>Channel 0 summed over the 2x2 window, plus 0.1 x channel 1 at the window's top-left tap, plus 0.5.</summary>
    private static NamedTensor[] WindowWeights() =>
    [
        new("conv.weight", [1, 2, 2, 2], [1, 1, 1, 1, 0.1f, 0, 0, 0]),
        new("conv.bias", [1], [0.5f]),
    ];

    [Fact]
    public void Conv2d_with_padding_matches_the_hand_computed_output()
    {
        var output = Run([Conv(1, 2, 1, 1, new(2, 2, 2), new(3, 3, 1))], WindowWeights(), Image);
        Assert.Equal([1.5f, 3.5f, 2.5f, 4.5f, 11.5f, 8.5f, 3.5f, 10.5f, 8.5f], output);
    }

    [Fact]
    public void Conv2d_with_stride_two_keeps_every_other_output()
    {
        var output = Run([Conv(1, 2, 2, 1, new(2, 2, 2), new(2, 2, 1))], WindowWeights(), Image);
        Assert.Equal([1.5f, 2.5f, 3.5f, 8.5f], output);
    }

    [Fact]
    public void Flatten_orders_elements_channels_last()
    {
        // A 1x1 convolution that copies each channel, then flatten: the rows must come back unchanged, channels last.
        var flatten = new LayerSpec("flatten", LayerKind.Flatten, 8, Activation.None, false, default) { InputShape = new(2, 2, 2), OutputShape = new(8) };
        NamedTensor[] identity = [new("conv.weight", [2, 2, 1, 1], [1, 0, 0, 1]), new("conv.bias", [2], [0, 0])];
        Assert.Equal(Image, Run([Conv(2, 1, 1, 0, new(2, 2, 2), new(2, 2, 2)), flatten], identity, Image));
    }

    [Fact]
    public void Transposed_convolution_with_output_padding_matches_the_hand_computed_output()
    {
        // One pixel of value 2, kernel 3, stride 2, padding 1, output_padding 1: a 2x2 output, out[y, x] = 2 w[y + 1, x + 1] + bias.
        var layer = new LayerSpec("deconv", LayerKind.ConvTranspose2d, 1, Activation.None, false, default)
        {
            Convolution = new ConvolutionSpec(3, 2, 1, 1),
            InputShape = new(1, 1, 1),
            OutputShape = new(2, 2, 1),
        };
        NamedTensor[] weights = [new("deconv.weight", [1, 1, 3, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9]), new("deconv.bias", [1], [1])];
        Assert.Equal([11f, 13f, 17f, 19f], Run([layer], weights, [2]));
    }
}
