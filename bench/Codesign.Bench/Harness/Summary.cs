namespace Codesign.Bench.Harness;

/// <summary>Median, minimum and maximum of repeated measurements of one quantity, with every raw value kept.</summary>
internal sealed record Summary(string Name, string Unit, double Median, double Min, double Max, IReadOnlyList<double> Values)
{
    public int Runs => Values.Count;

    public static Summary Of(string name, string unit, IReadOnlyList<double> values)
    {
        ArgumentOutOfRangeException.ThrowIfZero(values.Count);
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Summary(name, unit, median, sorted[0], sorted[^1], [.. values]);
    }
}
