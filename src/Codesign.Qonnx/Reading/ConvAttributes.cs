namespace Codesign.Qonnx.Reading;

/// <summary>The attributes of a 2-D Conv, checked against the kernel size its weights give.</summary>
internal sealed record ConvAttributes(
    int KernelHeight,
    int KernelWidth,
    int StrideHeight,
    int StrideWidth,
    int PadTop,
    int PadLeft,
    int PadBottom,
    int PadRight,
    int DilationHeight,
    int DilationWidth)
{
    /// <summary>Strides, pads and dilations beyond this are not a real network; refusing them keeps index arithmetic in range.</summary>
    private const long MaxSize = 1 << 20;

    public static ConvAttributes Read(LoadedNode node, int kernelHeight, int kernelWidth, OnnxDiagnostics diagnostics)
    {
        var group = OnnxAttributes.Int(node, "group", 1, diagnostics);
        if (group != 1)
        {
            throw diagnostics.UnsupportedFeature($"{node.Label}: group={group}; only ungrouped convolution (group=1) is supported");
        }

        var autoPad = OnnxAttributes.String(node, "auto_pad", diagnostics) ?? "NOTSET";
        if (autoPad is not ("NOTSET" or "VALID"))
        {
            throw diagnostics.UnsupportedFeature($"{node.Label}: auto_pad={autoPad}; give explicit pads instead");
        }

        var kernel = OnnxAttributes.Ints(node, "kernel_shape", diagnostics);
        if (kernel is not null && (kernel.Length != 2 || kernel[0] != kernelHeight || kernel[1] != kernelWidth))
        {
            throw diagnostics.Invalid($"{node.Label}: kernel_shape {OnnxTensor.Describe(kernel)} does not match the {kernelHeight}x{kernelWidth} weights");
        }

        var strides = Pair(node, "strides", 1, 1, diagnostics);
        var dilations = Pair(node, "dilations", 1, 1, diagnostics);
        var pads = autoPad == "VALID" ? [0, 0, 0, 0] : OnnxAttributes.Ints(node, "pads", diagnostics) ?? [0, 0, 0, 0];
        if (pads.Length != 4 || pads.Any(pad => pad < 0 || pad > MaxSize))
        {
            throw diagnostics.Invalid($"{node.Label}: pads {OnnxTensor.Describe(pads)} must be four values from 0 to {MaxSize} (top, left, bottom, right)");
        }

        return new ConvAttributes(kernelHeight, kernelWidth, strides[0], strides[1], (int)pads[0], (int)pads[1], (int)pads[2], (int)pads[3], dilations[0], dilations[1]);
    }

    /// <summary>The output size along one axis, or 0 when the dilated kernel does not fit the padded input.</summary>
    public static long OutputSize(long input, int padBefore, int padAfter, int kernel, int dilation, int stride)
    {
        var span = ((long)(kernel - 1) * dilation) + 1;
        var padded = input + padBefore + padAfter;
        return padded < span ? 0 : ((padded - span) / stride) + 1;
    }

    private static int[] Pair(LoadedNode node, string name, int first, int second, OnnxDiagnostics diagnostics)
    {
        var values = OnnxAttributes.Ints(node, name, diagnostics);
        if (values is null)
        {
            return [first, second];
        }

        if (values.Length != 2 || values.Any(value => value < 1 || value > MaxSize))
        {
            throw diagnostics.Invalid($"{node.Label}: {name} {OnnxTensor.Describe(values)} must be two values from 1 to {MaxSize}");
        }

        return [(int)values[0], (int)values[1]];
    }
}
