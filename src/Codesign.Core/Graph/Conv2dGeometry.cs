namespace Codesign.Core.Graph;

/// <summary>The sizes of a 2-D convolution: kernel, channels, stride and zero padding on each side.</summary>
public sealed record Conv2dGeometry(
    int KernelHeight,
    int KernelWidth,
    int InChannels,
    int OutChannels,
    int StrideHeight = 1,
    int StrideWidth = 1,
    int PadTop = 0,
    int PadLeft = 0,
    int PadBottom = 0,
    int PadRight = 0)
{
    /// <summary>Multiply-accumulates per output element: the fan-in of one output.</summary>
    public int FanIn => KernelHeight * KernelWidth * InChannels;

    public int WeightCount => FanIn * OutChannels;

    /// <summary>The output shape for an input of <paramref name="inputHeight"/> × <paramref name="inputWidth"/>, or an error.</summary>
    public TensorShape OutputShape(int inputHeight, int inputWidth)
    {
        var height = ((inputHeight + PadTop + PadBottom - KernelHeight) / StrideHeight) + 1;
        var width = ((inputWidth + PadLeft + PadRight - KernelWidth) / StrideWidth) + 1;
        if (inputHeight + PadTop + PadBottom < KernelHeight || inputWidth + PadLeft + PadRight < KernelWidth)
        {
            throw new ArgumentException($"a {KernelHeight}x{KernelWidth} kernel does not fit a padded {inputHeight}x{inputWidth} input");
        }

        return new TensorShape(height, width, OutChannels);
    }

    public void Validate()
    {
        if (KernelHeight < 1 || KernelWidth < 1 || InChannels < 1 || OutChannels < 1 || StrideHeight < 1 || StrideWidth < 1)
        {
            throw new ArgumentException($"kernel, channels and strides must be at least 1 ({this})");
        }

        if (PadTop < 0 || PadLeft < 0 || PadBottom < 0 || PadRight < 0 || PadTop >= KernelHeight || PadBottom >= KernelHeight || PadLeft >= KernelWidth || PadRight >= KernelWidth)
        {
            throw new ArgumentException($"padding must be non-negative and smaller than the kernel ({this})");
        }
    }
}
