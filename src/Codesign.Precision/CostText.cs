using System.Globalization;

namespace Codesign.Precision;

/// <summary>Costs and widths as messages print them: thousands separated, invariant culture.</summary>
internal static class CostText
{
    public static string Quantity(double value, string unit) =>
        $"{value.ToString(value == Math.Round(value) ? "#,0" : "#,0.###", CultureInfo.InvariantCulture)} {unit}";

    public static string Fraction(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>"every layer at 2-bit weights" or "weights 2, 3, 2 bits".</summary>
    public static string Widths(IReadOnlyList<int> weightBits) =>
        weightBits.Distinct().Count() == 1
            ? $"every layer at {weightBits[0]}-bit weights"
            : $"weights {string.Join(", ", weightBits)} bits";
}
