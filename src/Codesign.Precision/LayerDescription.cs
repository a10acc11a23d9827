using Codesign.Core.Artifacts;

namespace Codesign.Precision;

/// <summary>
/// One dense or conv2d layer as the bit allocator sees it: its shape (what the cost models price), its weights (what
/// quantization perturbs) and the Hessian trace of the loss with respect to those weights (how much that
/// perturbation matters).
/// </summary>
public sealed record LayerDescription
{
    /// <param name="name">The spec's layer name, e.g. <c>dense_1</c>.</param>
    /// <param name="inputs">n, the fan-in: features entering the layer.</param>
    /// <param name="outputs">m, the units of the layer.</param>
    /// <param name="parameterCount">Parameters the trace was measured over; the trace is averaged over them.</param>
    /// <param name="hessianTrace">Tr(H) of the layer's Hessian block (e.g. Hutchinson's estimate).</param>
    /// <param name="weights">The m·n float weights, any order (the quantizer is per tensor).</param>
    public LayerDescription(string name, int inputs, int outputs, int parameterCount, double hessianTrace, float[] weights)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(parameterCount, 1);
        ArgumentNullException.ThrowIfNull(weights);
        if (!double.IsFinite(hessianTrace))
        {
            throw new ArgumentOutOfRangeException(nameof(hessianTrace), hessianTrace, $"layer '{name}': the Hessian trace must be finite");
        }

        if ((long)inputs * outputs != weights.Length)
        {
            throw new ArgumentException($"layer '{name}' is {inputs} -> {outputs} but has {weights.Length} weights, not {(long)inputs * outputs}", nameof(weights));
        }

        if (Array.Exists(weights, w => !float.IsFinite(w)))
        {
            throw new ArgumentException($"layer '{name}' has a non-finite weight", nameof(weights));
        }

        Name = name;
        Inputs = inputs;
        Outputs = outputs;
        ParameterCount = parameterCount;
        HessianTrace = hessianTrace;
        Weights = weights;
    }

    public string Name { get; }

    /// <summary>n, the fan-in: a dense layer's inputs, a convolution's kh·kw·c_in.</summary>
    public int Inputs { get; }

    /// <summary>m, the units: a dense layer's outputs, a convolution's output channels.</summary>
    public int Outputs { get; }

    /// <summary>How often the m·n weights are applied: 1 for a dense layer, output height × width for a convolution.</summary>
    public int OutputPixels { get; init; } = 1;

    public int ParameterCount { get; }

    public double HessianTrace { get; }

    public float[] Weights { get; }

    /// <summary>
    /// A layer from its weight tensor in PyTorch's Linear layout [outputs, inputs], with the trace measured over
    /// exactly those weights (as the Hessian stage does: the bias is not part of the block).
    /// </summary>
    public static LayerDescription FromDenseWeight(string name, NamedTensor weight, double hessianTrace)
    {
        ArgumentNullException.ThrowIfNull(weight);
        if (weight.Shape.Count != 2)
        {
            throw new ArgumentException($"'{weight.Name}' has shape [{string.Join(",", weight.Shape)}]; a dense weight is [outputs, inputs]", nameof(weight));
        }

        return new LayerDescription(name, weight.Shape[1], weight.Shape[0], weight.Values.Length, hessianTrace, weight.Values);
    }

    /// <summary>
    /// A conv2d layer from its weight tensor in PyTorch's layout [out channels, in channels, kh, kw], applied at
    /// <paramref name="outputPixels"/> output positions, with the trace measured over exactly those weights.
    /// </summary>
    public static LayerDescription FromConvWeight(string name, NamedTensor weight, int outputPixels, double hessianTrace)
    {
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputPixels, 1);
        if (weight.Shape.Count != 4)
        {
            throw new ArgumentException($"'{weight.Name}' has shape [{string.Join(",", weight.Shape)}]; a conv2d weight is [out, in, kh, kw]", nameof(weight));
        }

        var fanIn = weight.Shape[1] * weight.Shape[2] * weight.Shape[3];
        return new LayerDescription(name, fanIn, weight.Shape[0], weight.Values.Length, hessianTrace, weight.Values) { OutputPixels = outputPixels };
    }
}
