using Codesign.Core.Artifacts;
using Codesign.Training.Hessian;
using ScottPlot;

namespace Codesign.Cli.Reporting;

/// <summary>Per-layer bars of the average Hessian trace (Tr/n) and the top eigenvalue, on a log scale.</summary>
internal static class HessianPlot
{
    public static void Write(string path, HessianReport report)
    {
        var plot = new Plot();
        plot.Title("Hessian per layer, log10: trace / parameters (blue), top eigenvalue (orange)");
        var palette = new ScottPlot.Palettes.Category10();
        var bars = new List<Bar>();
        for (var i = 0; i < report.Layers.Count; i++)
        {
            var layer = report.Layers[i];
            bars.Add(new Bar { Position = (i * 3) + 0, Value = Math.Log10(Math.Max(layer.AverageTrace, 1e-12)), FillColor = palette.GetColor(0) });
            bars.Add(new Bar { Position = (i * 3) + 1, Value = Math.Log10(Math.Max(Math.Abs(layer.TopEigenvalue), 1e-12)), FillColor = palette.GetColor(1) });
        }

        plot.Add.Bars(bars);
        var ticks = report.Layers.Select((layer, i) => new Tick((i * 3) + 0.5, layer.Layer)).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.YLabel("log10");
        var image = plot.GetImage(800, 500);
        AtomicFile.WriteAllBytes(path, image.GetImageBytes(ImageFormat.Png));
    }
}
