namespace Codesign.Precision;

/// <summary>
/// Ω in integers for CP-SAT's objective. Each layer's Ω is taken relative to its smallest value over the widths
/// (a constant that does not change which configuration wins), expressed in units of 1e-9 of the largest such
/// per-layer spread, and rounded to the nearest unit. With L layers the rounding moves a total by at most L/2
/// units, so the configuration found is optimal to within L·1e-9 of the largest spread; closer calls are
/// settled by the allocator's tie-break (lower cost, then narrower widths), not by Ω.
/// </summary>
internal static class ScaledObjective
{
    public const double Resolution = 1e9;

    public static long[][] Coefficients(SensitivityTable table)
    {
        var spread = 0.0;
        for (var i = 0; i < table.LayerCount; i++)
        {
            var row = table.Row(i);
            spread = Math.Max(spread, row.Max() - row.Min());
        }

        var scale = spread > 0 ? Resolution / spread : 0.0;
        var coefficients = new long[table.LayerCount][];
        for (var i = 0; i < table.LayerCount; i++)
        {
            var row = table.Row(i);
            var smallest = row.Min();
            coefficients[i] = row.Select(omega => (long)Math.Round((omega - smallest) * scale)).ToArray();
        }

        return coefficients;
    }
}
