using Codesign.Core.Diagnostics;

namespace Codesign.Data.Csv;

/// <summary>Reads one feature field as a number and reports, at the field, why it is not one.</summary>
internal static class CsvFeatureValue
{
    public static bool TryRead(string line, CsvField field, string column, SourceSpan location, DiagnosticBag diagnostics, out float value)
    {
        var outcome = CsvNumber.TryParse(field.Value(line), out value);
        if (outcome == CsvNumberOutcome.Parsed)
        {
            return true;
        }

        var text = field.Text(line);
        switch (outcome)
        {
            case CsvNumberOutcome.NonFinite:
                diagnostics.Error(
                    DiagnosticCodes.NonFiniteValue,
                    location,
                    $"column '{column}': '{text}' is not a finite number (NaN, infinity or beyond the float32 range); expected a finite value, so drop or impute such rows first.");
                break;
            case CsvNumberOutcome.Empty:
                diagnostics.Error(DiagnosticCodes.BadNumber, location, $"column '{column}' is empty; expected a number.");
                break;
            default:
                diagnostics.Error(
                    DiagnosticCodes.BadNumber,
                    location,
                    $"column '{column}': '{text}' is not a number; expected a decimal such as 1.5 or -2e-3 with '.' as the decimal separator.");
                break;
        }

        return false;
    }

    /// <summary>A missing-value marker (ARFF's ?) in a feature: features are never imputed silently.</summary>
    public static void ReportMissing(string column, string marker, SourceSpan location, DiagnosticBag diagnostics) =>
        diagnostics.Error(
            DiagnosticCodes.NonFiniteValue,
            location,
            $"column '{column}': '{marker}' is a missing value; expected a finite number, so drop or impute such rows first.");
}
