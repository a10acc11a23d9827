namespace Codesign.Precision;

/// <summary>
/// How wide the activation entering each layer is. The network input has its own fixed width (the authors'
/// <c>quant_input</c>, 16 bits). Every later activation is either one fixed width, or follows the weights of the
/// layer that produced it: weights + k bits (the authors' grid used k = 3). Under the second rule a layer's
/// incoming width is decided by the previous layer's weight width, which couples neighbouring decisions in any
/// cost that multiplies the two, such as BOPs.
/// </summary>
public sealed record ActivationWidthRule
{
    public const int DefaultInputBits = 16;
    public const int DefaultExtraBits = 3;

    private ActivationWidthRule(int inputBits, int? fixedBits, int extraBits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputBits, 1);
        InputBits = inputBits;
        FixedBits = fixedBits;
        ExtraBits = extraBits;
    }

    /// <summary>The authors' choice: each activation is its producer's weight width + 3, the input 16 bits.</summary>
    public static ActivationWidthRule Default { get; } = WeightsPlus(DefaultExtraBits);

    /// <summary>Width of the network input, the first layer's incoming activation.</summary>
    public int InputBits { get; }

    /// <summary>The width of every hidden activation, or null when activations follow the weights.</summary>
    public int? FixedBits { get; }

    /// <summary>k in "weights + k"; 0 when <see cref="FixedBits"/> is set.</summary>
    public int ExtraBits { get; }

    /// <summary>Whether a layer's incoming width depends on the previous layer's weight width.</summary>
    public bool FollowsWeights => FixedBits is null;

    public static ActivationWidthRule WeightsPlus(int extraBits, int inputBits = DefaultInputBits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(extraBits);
        return new ActivationWidthRule(inputBits, null, extraBits);
    }

    public static ActivationWidthRule Fixed(int bits, int inputBits = DefaultInputBits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 1);
        return new ActivationWidthRule(inputBits, bits, 0);
    }

    /// <summary>Width of the activation a layer with <paramref name="weightBits"/>-bit weights produces.</summary>
    public int OutputBits(int weightBits) => FixedBits ?? weightBits + ExtraBits;

    /// <summary>Width entering layer <paramref name="layerIndex"/>, given the weight width of the layer before it (ignored for the first).</summary>
    public int IncomingBits(int layerIndex, int previousWeightBits) =>
        layerIndex == 0 ? InputBits : OutputBits(previousWeightBits);

    public override string ToString() => FixedBits is { } bits
        ? $"input {InputBits} bits, activations {bits} bits"
        : $"input {InputBits} bits, activations weights + {ExtraBits} bits";
}
