using Codesign.Core.Graph;
using Codesign.Core.Numerics;

namespace Codesign.Qonnx.Execution;

/// <summary>
/// Exact 2-D convolution on channels-last integer codes with zero padding: for each output pixel and channel,
/// bias + Σ over the kernel window and input channels of in · w. Weights are [kh, kw, cin, cout].
/// </summary>
internal static class Conv2dKernel
{
    public static long[] Run(Conv2dNode conv, GraphTensor source, long[] input, int rows)
    {
        var g = conv.Geometry;
        var inputShape = source.Shape;
        var (weights, biases) = AccumulatorFormat.OnAccumulatorGrid(source.Format!.Value, conv.WeightFormat, conv.WeightCodes, conv.BiasFormat, conv.BiasCodes);
        int height = inputShape[0], width = inputShape[1], channels = inputShape[2];
        var outputShape = g.OutputShape(height, width);
        int outHeight = outputShape[0], outWidth = outputShape[1], outChannels = g.OutChannels;
        var output = new long[(long)rows * outputShape.Size];
        for (var row = 0; row < rows; row++)
        {
            var image = input.AsSpan(row * inputShape.Size, inputShape.Size);
            for (var oy = 0; oy < outHeight; oy++)
            {
                for (var ox = 0; ox < outWidth; ox++)
                {
                    var accumulator = output.AsSpan((row * outputShape.Size) + (((oy * outWidth) + ox) * outChannels), outChannels);
                    biases.CopyTo(accumulator);
                    for (var ky = 0; ky < g.KernelHeight; ky++)
                    {
                        var iy = (oy * g.StrideHeight) - g.PadTop + ky;
                        if (iy < 0 || iy >= height)
                        {
                            continue; // zero padding
                        }

                        for (var kx = 0; kx < g.KernelWidth; kx++)
                        {
                            var ix = (ox * g.StrideWidth) - g.PadLeft + kx;
                            if (ix < 0 || ix >= width)
                            {
                                continue;
                            }

                            var pixel = image.Slice(((iy * width) + ix) * channels, channels);
                            var tap = ((ky * g.KernelWidth) + kx) * channels;
                            for (var ci = 0; ci < channels; ci++)
                            {
                                var value = pixel[ci];
                                if (value == 0)
                                {
                                    continue;
                                }

                                var column = weights.AsSpan((tap + ci) * outChannels, outChannels);
                                for (var co = 0; co < outChannels; co++)
                                {
                                    accumulator[co] += value * column[co];
                                }
                            }
                        }
                    }
                }
            }
        }

        return output;
    }
}
