using Codesign.Core.Graph;

namespace Codesign.Qonnx.Execution;

/// <summary>
/// How closely a graph's table softmax follows the real one on some inputs: the largest difference from the
/// double-precision softmax of the same quantized logits, and how often the predicted class (the first largest
/// output) is the logits' class. What a user needs to choose <c>hls.softmax_table_size</c>.
/// </summary>
public sealed record SoftmaxAgreement(int Rows, int SameClass, double LargestDifference, double LargestSumError)
{
    /// <summary>The agreement of the last node of <paramref name="graph"/>, which must be a <see cref="SoftmaxNode"/>.</summary>
    public static SoftmaxAgreement Measure(QuantizedGraph graph, ReadOnlySpan<float> inputs, int rows)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (graph.Nodes.Count == 0 || graph.Nodes[^1] is not SoftmaxNode softmax)
        {
            throw new ArgumentException($"graph '{graph.Name}' does not end in a softmax", nameof(graph));
        }

        var trace = GraphExecutor.Trace(graph, inputs, rows);
        var logitFormat = graph.InputOf(softmax).Format!.Value;
        var outputFormat = softmax.Tables.OutputFormat;
        var logits = trace[softmax.Input];
        var probabilities = trace[softmax.Output];
        var size = graph.Output.Shape.Size;
        var sameClass = 0;
        double largest = 0, largestSum = 0;
        var exact = new double[size];
        for (var row = 0; row < rows; row++)
        {
            var x = logits.AsSpan(row * size, size);
            var y = probabilities.AsSpan(row * size, size);
            sameClass += FirstLargest(x) == FirstLargest(y) ? 1 : 0;
            var max = logitFormat.FromCode(MaxOf(x));
            double total = 0, sum = 0;
            for (var i = 0; i < size; i++)
            {
                exact[i] = Math.Exp(logitFormat.FromCode(x[i]) - max);
                total += exact[i];
            }

            for (var i = 0; i < size; i++)
            {
                var p = outputFormat.FromCode(y[i]);
                largest = Math.Max(largest, Math.Abs(p - (exact[i] / total)));
                sum += p;
            }

            largestSum = Math.Max(largestSum, Math.Abs(sum - 1));
        }

        return new SoftmaxAgreement(rows, sameClass, largest, largestSum);
    }

    private static long MaxOf(ReadOnlySpan<long> values)
    {
        var max = values[0];
        foreach (var value in values)
        {
            max = Math.Max(max, value);
        }

        return max;
    }

    private static int FirstLargest(ReadOnlySpan<long> values) => values.IndexOf(MaxOf(values));
}
