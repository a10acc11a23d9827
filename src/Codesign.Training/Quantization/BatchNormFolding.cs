namespace Codesign.Training.Quantization;

/// <summary>
/// Folds an inference-mode BatchNorm that follows a dense layer into the layer's weight and bias:
/// W' = W·γ/σ, b' = (b − μ)·γ/σ + β with σ = sqrt(var + ε). Quantized graphs then never contain BatchNorm,
/// as in HAWQ, and the hardware needs no extra multiplier.
/// </summary>
public static class BatchNormFolding
{
    public const double Epsilon = 1e-5;

    public static (float[] Weight, float[] Bias) Fold(float[] weight, float[] bias, float[] gamma, float[] beta, float[] mean, float[] variance)
    {
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(bias);
        ArgumentNullException.ThrowIfNull(gamma);
        ArgumentNullException.ThrowIfNull(beta);
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(variance);
        var outputs = bias.Length;
        var inputs = weight.Length / outputs;
        var foldedWeight = new float[weight.Length];
        var foldedBias = new float[outputs];
        for (var o = 0; o < outputs; o++)
        {
            var factor = gamma[o] / Math.Sqrt(variance[o] + Epsilon);
            for (var i = 0; i < inputs; i++)
            {
                foldedWeight[(o * inputs) + i] = (float)(weight[(o * inputs) + i] * factor);
            }

            foldedBias[o] = (float)(((bias[o] - mean[o]) * factor) + beta[o]);
        }

        return (foldedWeight, foldedBias);
    }
}
