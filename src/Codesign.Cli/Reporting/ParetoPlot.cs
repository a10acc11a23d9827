using Codesign.Cli.Pipeline;
using Codesign.Core.Artifacts;
using ScottPlot;

namespace Codesign.Cli.Reporting;

/// <summary>Accuracy against BOPs for uniform and mixed configurations, with the float accuracy as a reference line.</summary>
internal static class ParetoPlot
{
    public static void Write(string path, IReadOnlyList<SweepPoint> points, double floatAccuracy)
    {
        var plot = new Plot();
        plot.Title("Accuracy against cost");
        plot.XLabel("BOPs");
        plot.YLabel("test accuracy (%)");
        var palette = new ScottPlot.Palettes.Category10();
        foreach (var (mixed, label, color) in new[] { (false, "uniform", palette.GetColor(0)), (true, "mixed (Hessian-aware)", palette.GetColor(1)) })
        {
            var series = points.Where(p => p.Mixed == mixed).OrderBy(p => p.Bops).ToArray();
            if (series.Length == 0)
            {
                continue;
            }

            var scatter = plot.Add.Scatter(series.Select(p => p.Bops).ToArray(), series.Select(p => p.Accuracy * 100).ToArray(), color);
            scatter.LegendText = label;
            scatter.MarkerSize = 8;
        }

        var reference = plot.Add.HorizontalLine(floatAccuracy * 100);
        reference.LegendText = "float";
        reference.LinePattern = LinePattern.Dashed;
        plot.ShowLegend(Alignment.LowerRight);
        var image = plot.GetImage(900, 600);
        AtomicFile.WriteAllBytes(path, image.GetImageBytes(ImageFormat.Png));
    }
}
