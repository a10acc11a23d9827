namespace Codesign.Precision;

/// <summary>
/// Bit operations of a dense layer, the authors' formula: m·n·(b_a·b_w + b_a + b_w + log2 n) for m outputs,
/// n inputs, b_w-bit weights and b_a-bit incoming activations; the multiplications plus the growing adder tree.
/// A convolution applies that to every output pixel: P·m·n·(...) with P = output height × width, m the output
/// channels and n = kh·kw·c_in the multiply-accumulates per output value. No pruning is assumed.
/// </summary>
public sealed class BopsCostModel : ILayerCostModel
{
    public string Name => "bops";

    public string Unit => "BOPs";

    public double LayerCost(int layerIndex, LayerDescription layer, int weightBits, int activationBits)
    {
        ArgumentNullException.ThrowIfNull(layer);
        double macs = (double)layer.OutputPixels * layer.Outputs * layer.Inputs;
        return macs * (((double)activationBits * weightBits) + activationBits + weightBits + Math.Log2(layer.Inputs));
    }
}
