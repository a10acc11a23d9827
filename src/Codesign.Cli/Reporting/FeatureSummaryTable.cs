using System.Globalization;
using Codesign.Data.Summaries;
using Spectre.Console;

namespace Codesign.Cli.Reporting;

/// <summary>Prints a <see cref="ClassFeatureSummary"/>: one table per feature, one row per class.</summary>
internal static class FeatureSummaryTable
{
    public static void Write(IAnsiConsole console, ClassFeatureSummary summary, string title)
    {
        console.WriteLine(title);
        console.WriteLine(string.Join(", ", summary.ClassNames.Select((name, c) => string.Create(CultureInfo.InvariantCulture, $"{name}: {summary.ClassCounts[c]}"))));
        for (var f = 0; f < summary.FeatureNames.Count; f++)
        {
            var table = new Table { Title = new TableTitle(summary.FeatureNames[f]), Border = TableBorder.Simple };
            table.AddColumn("class");
            foreach (var heading in new[] { "mean", "std", "min", "p05", "median", "p95", "max" })
            {
                table.AddColumn(new TableColumn(heading).RightAligned());
            }

            for (var c = 0; c < summary.ClassNames.Count; c++)
            {
                var s = summary[c, f];
                table.AddRow([summary.ClassNames[c], .. new[] { s.Mean, s.StandardDeviation, s.Minimum, s.Quantile05, s.Median, s.Quantile95, s.Maximum }.Select(Format)]);
            }

            console.Write(table);
        }
    }

    private static string Format(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
