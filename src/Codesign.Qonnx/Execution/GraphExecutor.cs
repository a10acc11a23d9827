using Codesign.Core.Graph;
using Codesign.Core.Numerics;

namespace Codesign.Qonnx.Execution;

/// <summary>
/// Runs a <see cref="QuantizedGraph"/> on a batch in exact integer arithmetic with the semantics of the HLS
/// implementation: the input rounded half to even and saturated onto its format, products and bias accumulated
/// losslessly on the accumulator grid, ReLU on the accumulator, and every Quant node rounding
/// half to even and saturating, and softmax through its tables. This is the reference the QONNX float semantics, the C-simulation and later the RTL
/// are checked against.
/// </summary>
public static class GraphExecutor
{
    /// <summary>
    /// The graph output's integer codes for each row of <paramref name="inputs"/> (rows × input size, row-major).
    /// MLP graphs whose formats fit in 31 bits take the int32 fast path (<see cref="Int32ChainExecutor"/>), with
    /// results identical to the reference path's; any other graph runs on the reference path.
    /// </summary>
    public static long[] RunCodes(QuantizedGraph graph, ReadOnlySpan<float> inputs, int rows)
    {
        CheckArguments(graph, inputs, rows);
        return Int32ChainExecutor.TryCreate(graph) is { } fast ? fast.Run(inputs, rows) : Execute(graph, inputs, rows, trace: null);
    }

    /// <summary>The 64-bit reference path alone, whatever the graph: what the fast path is tested against.</summary>
    internal static long[] RunReferenceCodes(QuantizedGraph graph, ReadOnlySpan<float> inputs, int rows) =>
        Execute(graph, inputs, rows, trace: null);

    /// <summary>The graph output's values (code × LSB) for each row.</summary>
    public static float[] Run(QuantizedGraph graph, ReadOnlySpan<float> inputs, int rows)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var codes = RunCodes(graph, inputs, rows);
        var format = graph.Output.Format!.Value;
        var values = new float[codes.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            values[i] = (float)format.FromCode(codes[i]);
        }

        return values;
    }

    /// <summary>Every quantized tensor's codes (rows × tensor size), by tensor name: what the C-simulation trace compares.</summary>
    public static IReadOnlyDictionary<string, long[]> Trace(QuantizedGraph graph, ReadOnlySpan<float> inputs, int rows)
    {
        var trace = new Dictionary<string, long[]>(StringComparer.Ordinal);
        Execute(graph, inputs, rows, trace);
        return trace;
    }

    private static void CheckArguments(QuantizedGraph graph, ReadOnlySpan<float> inputs, int rows)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        var inputSize = graph.Input.Shape.Size;
        if (inputs.Length != (long)rows * inputSize)
        {
            throw new ArgumentException($"expected {(long)rows * inputSize} input values for {rows} rows of {inputSize}, got {inputs.Length}", nameof(inputs));
        }
    }

    private static long[] Execute(QuantizedGraph graph, ReadOnlySpan<float> inputs, int rows, Dictionary<string, long[]>? trace)
    {
        CheckArguments(graph, inputs, rows);
        var real = inputs.ToArray();
        var codes = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var node in graph.Nodes)
        {
            var source = graph.InputOf(node);
            var result = node switch
            {
                QuantNode quant when source.Format is null => QuantizeReal(real, quant.Format),
                QuantNode quant => Requantize(codes[node.Input], source.Format!.Value, quant.Format),
                DenseNode dense => DenseKernel.Run(dense, source.Format!.Value, codes[node.Input], rows),
                Conv2dNode conv => Conv2dKernel.Run(conv, source, codes[node.Input], rows),
                ReluNode => Relu(codes[node.Input]),
                ReshapeNode => codes[node.Input],
                SoftmaxNode softmax => SoftmaxKernel.Run(softmax, codes[node.Input], rows),
                _ => throw new NotSupportedException($"node '{node.Name}' ({node.GetType().Name}) has no integer kernel"),
            };
            codes[node.Output] = result;
            trace?.Add(node.Output, result);
        }

        return codes[graph.Output.Name];
    }

    private static long[] QuantizeReal(float[] values, FixedPointFormat format)
    {
        var codes = new long[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            codes[i] = format.ToCode(values[i]);
        }

        return codes;
    }

    private static long[] Requantize(long[] values, FixedPointFormat from, FixedPointFormat to)
    {
        var codes = new long[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            codes[i] = FixedPointRequantizer.Requantize(values[i], from.FractionalBits, to);
        }

        return codes;
    }

    private static long[] Relu(long[] values)
    {
        var result = new long[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = Math.Max(values[i], 0);
        }

        return result;
    }
}
