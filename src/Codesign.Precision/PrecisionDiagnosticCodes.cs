namespace Codesign.Precision;

/// <summary>
/// Codes of the bit-allocation stage (CSD03xx). They belong in Codesign.Core's DiagnosticCodes and
/// docs/diagnostics.md; they live here until they move there, with the same stable values.
/// </summary>
public static class PrecisionDiagnosticCodes
{
    /// <summary>No configuration of the candidate widths meets a budget, or all budgets at once.</summary>
    public const string BudgetInfeasible = "CSD0301";

    /// <summary>The solver's deterministic time limit ran out before it found any configuration.</summary>
    public const string AllocationSearchLimit = "CSD0302";
}
