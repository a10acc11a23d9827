namespace Codesign.Training.Quantization;

/// <summary>
/// The range an activation format is derived from: an exponential moving average of each batch's maximum
/// magnitude while it follows the data, then frozen, so the format (a power of two) stops moving and the
/// weights can settle against a fixed grid.
/// </summary>
public sealed class ActivationRange(double momentum)
{
    public double Value { get; private set; } = double.NaN;

    public bool Frozen { get; set; }

    public void Observe(double batchMaximum)
    {
        if (Frozen || !double.IsFinite(batchMaximum))
        {
            return;
        }

        Value = double.IsNaN(Value) ? batchMaximum : (momentum * Value) + ((1 - momentum) * batchMaximum);
    }
}
