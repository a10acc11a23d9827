using System.Globalization;

namespace Codesign.Core.Graph;

/// <summary>
/// The shape of one sample of a tensor, without the batch dimension: <c>[features]</c> for dense data,
/// <c>[height, width, channels]</c> (channels last, as hls4ml's io_parallel kernels expect) for images.
/// </summary>
public sealed class TensorShape : IEquatable<TensorShape>
{
    private readonly int[] dimensions;

    public TensorShape(params int[] dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        if (dimensions.Length == 0 || dimensions.Any(size => size < 1))
        {
            throw new ArgumentException($"a tensor shape needs at least one dimension, each at least 1 (got [{string.Join(", ", dimensions)}])", nameof(dimensions));
        }

        this.dimensions = (int[])dimensions.Clone();
        long size = 1;
        foreach (var dimension in dimensions)
        {
            size *= dimension;
            if (size > int.MaxValue)
            {
                throw new ArgumentException($"a tensor of shape [{string.Join(", ", dimensions)}] has more than {int.MaxValue} elements", nameof(dimensions));
            }
        }

        Size = (int)size;
    }

    public IReadOnlyList<int> Dimensions => dimensions;

    public int Rank => dimensions.Length;

    /// <summary>Elements per sample.</summary>
    public int Size { get; }

    public int this[int index] => dimensions[index];

    public bool Equals(TensorShape? other) => other is not null && dimensions.AsSpan().SequenceEqual(other.dimensions);

    public override bool Equals(object? obj) => Equals(obj as TensorShape);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var dimension in dimensions)
        {
            hash.Add(dimension);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => "[" + string.Join(", ", dimensions.Select(d => d.ToString(CultureInfo.InvariantCulture))) + "]";
}
