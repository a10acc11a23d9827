using System.Globalization;

namespace Codesign.Cli.Commands;

internal static class SweepBudgets
{
    public static bool TryParse(string text, out IReadOnlyList<double> fractions)
    {
        var values = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value > 0) || !double.IsFinite(value))
            {
                fractions = [];
                return false;
            }

            values.Add(value);
        }

        fractions = values;
        return values.Count > 0;
    }
}
