using System.Runtime.CompilerServices;
using Codesign.Core.Graph;
using Codesign.Core.Numerics;

namespace Codesign.Qonnx.Execution;

/// <summary>
/// The integer executor's fast path for the graphs MLPs give: a chain of Quant, Dense, ReLU and Reshape nodes
/// whose codes, shifted weights and biases, and accumulators all fit in 31 bits. Codes are int32, rows run in small
/// blocks that stay in cache, and a dense layer adds x·w' to all its outputs at once with <c>Vector&lt;int&gt;</c>.
/// </summary>
/// <remarks>
/// Exactly the reference path's results: every partial sum of a dense layer lies inside its accumulator format
/// (see <see cref="AccumulatorFormat"/>), so with accumulators of at most 31 bits no sum overflows, in any order;
/// rounding is the reference's half to even and saturation. <see cref="TryCreate"/> returns null for any other
/// graph (convolutions, wider formats), which then runs on the 64-bit reference path.
/// </remarks>
internal sealed class Int32ChainExecutor
{
    private const int MaxBits = 31;
    private const int BlockRows = 64;

    private readonly ChainStep[] steps;
    private readonly int inputSize;
    private readonly int widest;

    private Int32ChainExecutor(ChainStep[] steps, int inputSize)
    {
        this.steps = steps;
        this.inputSize = inputSize;
        widest = Math.Max(inputSize, steps.Max(step => step.OutputSize));
    }

    /// <summary>The fast path for <paramref name="graph"/>, or null when it cannot run the graph exactly.</summary>
    public static Int32ChainExecutor? TryCreate(QuantizedGraph graph)
    {
        if (graph.Nodes.Count == 0 || graph.Nodes[^1].Output != graph.Output.Name || graph.Output.Format!.Value.TotalBits > MaxBits)
        {
            return null;
        }

        var steps = new List<ChainStep>(graph.Nodes.Count);
        var current = graph.Input.Name;
        foreach (var node in graph.Nodes)
        {
            var source = graph.InputOf(node);
            var target = graph.OutputOf(node);
            if (node.Input != current || (target.Format is { } format && format.TotalBits > MaxBits))
            {
                return null;
            }

            ChainStep? step = node switch
            {
                QuantNode quant when source.Format is null => new InputQuantStep(quant.Format, target.Shape.Size),
                QuantNode quant => new RequantStep(source.Format.Value.FractionalBits, quant.Format, target.Shape.Size),
                DenseNode dense => DenseStep.TryCreate(dense, source.Format!.Value),
                ReluNode => new ReluStep(target.Shape.Size),
                ReshapeNode => new ReshapeStep(target.Shape.Size),
                _ => null,
            };
            if (step is null)
            {
                return null;
            }

            steps.Add(step);
            current = node.Output;
        }

        return steps[0] is InputQuantStep ? new Int32ChainExecutor([.. steps], graph.Input.Shape.Size) : null;
    }

    /// <summary>The output codes (rows × output size); the caller has checked the input length.</summary>
    /// <remarks>Hot loops are compiled fully optimized at once: under tiered compilation they ran unoptimized for seconds.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public long[] Run(ReadOnlySpan<float> inputs, int rows)
    {
        var outputSize = steps[^1].OutputSize;
        var output = new long[(long)rows * outputSize];
        var first = new int[BlockRows * widest];
        var second = new int[BlockRows * widest];
        for (var start = 0; start < rows; start += BlockRows)
        {
            var count = Math.Min(BlockRows, rows - start);
            var real = inputs.Slice(start * inputSize, count * inputSize);
            ((InputQuantStep)steps[0]).Quantize(real, first.AsSpan(0, count * steps[0].OutputSize));
            var (from, to) = (first, second);
            var size = steps[0].OutputSize;
            for (var s = 1; s < steps.Length; s++)
            {
                var step = steps[s];
                if (step.Apply(from.AsSpan(0, count * size), to.AsSpan(0, count * step.OutputSize), count))
                {
                    (from, to) = (to, from);
                }

                size = step.OutputSize;
            }

            var result = from.AsSpan(0, count * outputSize);
            var destination = output.AsSpan(start * outputSize, count * outputSize);
            for (var i = 0; i < result.Length; i++)
            {
                destination[i] = result[i];
            }
        }

        return output;
    }
}
