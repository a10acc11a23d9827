using System.Globalization;

namespace Codesign.Qonnx.Reading;

/// <summary>
/// A dense row-major tensor of doubles: what the float executor computes on and what initializers decode to. Every
/// integer and float type we read fits a double exactly (int64 only up to 2^53, enough for shapes).
/// </summary>
internal sealed class OnnxTensor
{
    /// <summary>The most elements one tensor may have (2 GiB of doubles); larger requests are rejected, not allocated.</summary>
    public const long MaxElements = 1L << 28;

    public OnnxTensor(int[] shape, double[] data)
    {
        Shape = shape;
        Data = data;
    }

    public int[] Shape { get; }

    public double[] Data { get; }

    public int Rank => Shape.Length;

    public int Size => Data.Length;

    public static OnnxTensor Scalar(double value) => new([], [value]);

    /// <summary>The element count of <paramref name="dims"/>, or -1 when a dimension is negative or the count exceeds <see cref="MaxElements"/>.</summary>
    public static long ElementCount(IEnumerable<long> dims)
    {
        long count = 1;
        var empty = false;
        foreach (var dim in dims)
        {
            if (dim < 0 || dim > MaxElements)
            {
                return -1;
            }

            // A zero dimension makes the tensor empty, but later huge dimensions still count as absurd.
            empty |= dim == 0;
            count = Math.Max(count, 1) * Math.Max(dim, 1);
            if (count > MaxElements)
            {
                return -1;
            }
        }

        return empty ? 0 : count;
    }

    public static string Describe(IEnumerable<long> dims) =>
        "[" + string.Join(", ", dims.Select(d => d.ToString(CultureInfo.InvariantCulture))) + "]";

    public static string Describe(IEnumerable<int> dims) => Describe(dims.Select(d => (long)d));

    public string DescribeShape() => Describe(Shape);
}
