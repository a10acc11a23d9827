using System.Globalization;

namespace Codesign.Synthesis;

/// <summary>
/// The utilisation tables of Vivado's <c>report_utilization</c> (vivado_synth.rpt): ASCII tables whose header row
/// names a <c>Used</c> column. UltraScale parts say "CLB LUTs"/"CLB Registers", 7-series parts "Slice LUTs"/
/// "Slice Registers"; a trailing "*" marks a footnote.
/// </summary>
public static partial class SynthesisReportParser
{
    private enum UtilizationRow
    {
        Lut,
        Ff,
        BramTile,
        Uram,
        Dsp,
    }

    public static ResourceCounts ParseVivadoUtilization(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var lines = ReadExisting(path, "Vivado utilisation report").Split('\n');
        var used = new Dictionary<UtilizationRow, decimal>();
        int? usedColumn = null;
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].TrimEnd('\r');
            if (line.StartsWith('+'))
            {
                // A border ("+----+"), inside or around a table.
                continue;
            }

            if (!line.StartsWith('|'))
            {
                // Each table has its own header row; any other line ends the table, so its "Used" column is forgotten.
                usedColumn = null;
                continue;
            }

            var cells = line.Split('|').Select(cell => cell.Trim()).ToArray();
            var headerColumn = Array.IndexOf(cells, "Used");
            if (headerColumn > 0)
            {
                usedColumn = headerColumn;
                continue;
            }

            if (usedColumn is not { } column || RowKind(cells[1].TrimEnd('*').Trim()) is not { } row || used.ContainsKey(row))
            {
                continue;
            }

            if (column >= cells.Length || !decimal.TryParse(cells[column], NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || value < 0)
            {
                var shown = column < cells.Length ? cells[column] : string.Empty;
                throw Malformed(path, $"the 'Used' value of '{cells[1]}' is '{shown}', not a number", index + 1, 1);
            }

            used[row] = value;
        }

        var missing = new[] { UtilizationRow.Lut, UtilizationRow.Ff, UtilizationRow.BramTile, UtilizationRow.Dsp }
            .Where(row => !used.ContainsKey(row))
            .Select(RowTitle)
            .ToList();
        if (missing.Count > 0)
        {
            throw Malformed(path, $"'{path}' has no utilisation row for {string.Join(", ", missing)}; is it the output of report_utilization?");
        }

        return new ResourceCounts(
            Lut: WholeNumber(path, used[UtilizationRow.Lut], "LUTs"),
            Ff: WholeNumber(path, used[UtilizationRow.Ff], "registers"),
            Dsp: WholeNumber(path, used[UtilizationRow.Dsp], "DSPs"),
            // A Block RAM tile is one 36 Kb RAM, i.e. two of the 18 Kb halves HLS counts; Vivado reports half tiles
            // as 0.5, so the product is whole.
            Bram18K: WholeNumber(path, used[UtilizationRow.BramTile] * 2, "Block RAM 18K halves"),
            Uram: used.TryGetValue(UtilizationRow.Uram, out var uram) ? WholeNumber(path, uram, "URAMs") : null);
    }

    private static UtilizationRow? RowKind(string siteType) => siteType switch
    {
        "CLB LUTs" or "Slice LUTs" => UtilizationRow.Lut,
        "CLB Registers" or "Slice Registers" => UtilizationRow.Ff,
        "Block RAM Tile" => UtilizationRow.BramTile,
        "URAM" => UtilizationRow.Uram,
        "DSPs" => UtilizationRow.Dsp,
        _ => null,
    };

    private static string RowTitle(UtilizationRow row) => row switch
    {
        UtilizationRow.Lut => "'CLB LUTs'/'Slice LUTs'",
        UtilizationRow.Ff => "'CLB Registers'/'Slice Registers'",
        UtilizationRow.BramTile => "'Block RAM Tile'",
        UtilizationRow.Uram => "'URAM'",
        _ => "'DSPs'",
    };

    private static long WholeNumber(string path, decimal value, string what) =>
        value == decimal.Truncate(value)
            ? (long)value
            : throw Malformed(path, $"{value.ToString(CultureInfo.InvariantCulture)} {what} is not a whole number");
}
