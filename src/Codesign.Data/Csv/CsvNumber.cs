using System.Globalization;

namespace Codesign.Data.Csv;

internal enum CsvNumberOutcome
{
    Parsed,
    Empty,
    NotANumber,
    NonFinite,
}

/// <summary>Parses a feature value the same way on every machine (invariant culture) and into float32 range.</summary>
internal static class CsvNumber
{
    public static CsvNumberOutcome TryParse(ReadOnlySpan<char> text, out float value)
    {
        value = 0;
        if (text.IsEmpty)
        {
            return CsvNumberOutcome.Empty;
        }

        // .NET accepts "NaN" and "Infinity" but not "nan"/"inf" as other tools write them; all mean the same here.
        if (IsNonFiniteWord(text))
        {
            return CsvNumberOutcome.NonFinite;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return CsvNumberOutcome.NotANumber;
        }

        // Overflow parses to infinity, and a finite double may still exceed float32, which is what training sees.
        value = (float)number;
        return float.IsFinite(value) ? CsvNumberOutcome.Parsed : CsvNumberOutcome.NonFinite;
    }

    private static bool IsNonFiniteWord(ReadOnlySpan<char> text)
    {
        if (text[0] is '+' or '-')
        {
            text = text[1..];
        }

        return text.Equals("nan", StringComparison.OrdinalIgnoreCase)
            || text.Equals("inf", StringComparison.OrdinalIgnoreCase)
            || text.Equals("infinity", StringComparison.OrdinalIgnoreCase);
    }
}
