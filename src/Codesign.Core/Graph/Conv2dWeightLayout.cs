namespace Codesign.Core.Graph;

/// <summary>
/// Moves convolution weights between the IR's HWIO order ([kh, kw, cin, cout], hls4ml's) and the orders files use:
/// OHWI (QONNX channels-last Conv) and OIHW (standard ONNX Conv).
/// </summary>
public static class Conv2dWeightLayout
{
    public static long[] ToOhwi(Conv2dGeometry g, long[] hwio) =>
        Reorder(g, hwio, (ky, kx, ci, co) => (((((co * g.KernelHeight) + ky) * g.KernelWidth) + kx) * g.InChannels) + ci, toHwio: false);

    public static long[] ToOihw(Conv2dGeometry g, long[] hwio) =>
        Reorder(g, hwio, (ky, kx, ci, co) => (((((co * g.InChannels) + ci) * g.KernelHeight) + ky) * g.KernelWidth) + kx, toHwio: false);

    public static long[] FromOhwi(Conv2dGeometry g, long[] ohwi) =>
        Reorder(g, ohwi, (ky, kx, ci, co) => (((((co * g.KernelHeight) + ky) * g.KernelWidth) + kx) * g.InChannels) + ci, toHwio: true);

    private static long[] Reorder(Conv2dGeometry g, long[] source, Func<int, int, int, int, int> other, bool toHwio)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(source);
        var result = new long[source.Length];
        for (var ky = 0; ky < g.KernelHeight; ky++)
        {
            for (var kx = 0; kx < g.KernelWidth; kx++)
            {
                for (var ci = 0; ci < g.InChannels; ci++)
                {
                    for (var co = 0; co < g.OutChannels; co++)
                    {
                        var hwio = (((((ky * g.KernelWidth) + kx) * g.InChannels) + ci) * g.OutChannels) + co;
                        if (toHwio)
                        {
                            result[hwio] = source[other(ky, kx, ci, co)];
                        }
                        else
                        {
                            result[other(ky, kx, ci, co)] = source[hwio];
                        }
                    }
                }
            }
        }

        return result;
    }
}
