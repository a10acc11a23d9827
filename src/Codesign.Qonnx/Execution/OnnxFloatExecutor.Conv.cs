using Codesign.Qonnx.Reading;

namespace Codesign.Qonnx.Execution;

/// <summary>
/// 2-D convolution with zero padding, strides and dilations, in either layout: standard ONNX (NCHW data, OIHW
/// weights) or QONNX channels-last (NHWC data, OHWI weights, what hls4ml ingests).
/// </summary>
public sealed partial class OnnxFloatExecutor
{
    private static OnnxTensor Conv(LoadedNode node, OnnxTensor x, OnnxTensor w, OnnxTensor? bias, bool channelsLast, OnnxDiagnostics d)
    {
        if (x.Rank != 4 || w.Rank != 4)
        {
            throw d.UnsupportedFeature($"{node.Label}: only 2-D convolution of rank-4 data and weights is supported, got {x.DescribeShape()} and {w.DescribeShape()}");
        }

        var (batch, height, width, channels) = channelsLast ? (x.Shape[0], x.Shape[1], x.Shape[2], x.Shape[3]) : (x.Shape[0], x.Shape[2], x.Shape[3], x.Shape[1]);
        var (outChannels, kernelHeight, kernelWidth, weightChannels) = channelsLast ? (w.Shape[0], w.Shape[1], w.Shape[2], w.Shape[3]) : (w.Shape[0], w.Shape[2], w.Shape[3], w.Shape[1]);
        if (weightChannels != channels)
        {
            throw d.Invalid($"{node.Label}: weights {w.DescribeShape()} expect {weightChannels} input channels, the data {x.DescribeShape()} has {channels}");
        }

        if (bias is not null && (bias.Rank != 1 || bias.Size != outChannels))
        {
            throw d.Invalid($"{node.Label}: bias of shape {bias.DescribeShape()} does not match {outChannels} output channels");
        }

        var a = ConvAttributes.Read(node, kernelHeight, kernelWidth, d);
        var outHeight = ConvAttributes.OutputSize(height, a.PadTop, a.PadBottom, kernelHeight, a.DilationHeight, a.StrideHeight);
        var outWidth = ConvAttributes.OutputSize(width, a.PadLeft, a.PadRight, kernelWidth, a.DilationWidth, a.StrideWidth);
        if (outHeight < 1 || outWidth < 1)
        {
            throw d.Invalid($"{node.Label}: a {kernelHeight}x{kernelWidth} kernel does not fit the padded {height}x{width} input");
        }

        int[] shape = channelsLast ? [batch, (int)Math.Min(outHeight, int.MaxValue), (int)Math.Min(outWidth, int.MaxValue), outChannels] : [batch, outChannels, (int)Math.Min(outHeight, int.MaxValue), (int)Math.Min(outWidth, int.MaxValue)];
        CheckedSize(node, shape, d);
        var oh = (int)outHeight;
        var ow = (int)outWidth;

        // Flat indices of each layout; everything is below MaxElements, so ints suffice.
        int In(int n, int y, int xx, int c) => channelsLast ? (((((n * height) + y) * width) + xx) * channels) + c : (((((n * channels) + c) * height) + y) * width) + xx;
        int Weight(int o, int ky, int kx, int c) => channelsLast ? (((((o * kernelHeight) + ky) * kernelWidth) + kx) * channels) + c : (((((o * channels) + c) * kernelHeight) + ky) * kernelWidth) + kx;
        int Out(int n, int y, int xx, int o) => channelsLast ? (((((n * oh) + y) * ow) + xx) * outChannels) + o : (((((n * outChannels) + o) * oh) + y) * ow) + xx;

        var result = new double[CheckedSize(node, shape, d)];
        for (var n = 0; n < batch; n++)
        {
            for (var oy = 0; oy < oh; oy++)
            {
                for (var ox = 0; ox < ow; ox++)
                {
                    for (var o = 0; o < outChannels; o++)
                    {
                        var sum = bias?.Data[o] ?? 0.0;
                        for (var ky = 0; ky < kernelHeight; ky++)
                        {
                            var iy = (oy * a.StrideHeight) - a.PadTop + (ky * a.DilationHeight);
                            if (iy < 0 || iy >= height)
                            {
                                continue; // zero padding
                            }

                            for (var kx = 0; kx < kernelWidth; kx++)
                            {
                                var ix = (ox * a.StrideWidth) - a.PadLeft + (kx * a.DilationWidth);
                                if (ix < 0 || ix >= width)
                                {
                                    continue;
                                }

                                for (var c = 0; c < channels; c++)
                                {
                                    sum += x.Data[In(n, iy, ix, c)] * w.Data[Weight(o, ky, kx, c)];
                                }
                            }
                        }

                        result[Out(n, oy, ox, o)] = sum;
                    }
                }
            }
        }

        return new OnnxTensor(shape, result);
    }
}
