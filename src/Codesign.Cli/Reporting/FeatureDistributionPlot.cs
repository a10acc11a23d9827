using Codesign.Core.Artifacts;
using Codesign.Data;
using Codesign.Data.Summaries;
using ScottPlot;
using SkiaSharp;

namespace Codesign.Cli.Reporting;

/// <summary>
/// One PNG with a panel per feature, each showing the normalized distribution of every class: the picture a
/// physicist checks a data set against (mass peaks, prong-sensitive ratios, multiplicity).
/// </summary>
internal static class FeatureDistributionPlot
{
    private const int PanelWidth = 420;
    private const int PanelHeight = 300;
    private const int Columns = 4;
    private const int Bins = 50;

    public static void Write(string path, LabeledSamples samples)
    {
        var columns = ClassColumns.Of(samples);
        var features = samples.FeatureNames.Length;
        var rows = (features + Columns - 1) / Columns;
        using var surface = SKSurface.Create(new SKImageInfo(Columns * PanelWidth, rows * PanelHeight));
        surface.Canvas.Clear(SKColors.White);
        for (var f = 0; f < features; f++)
        {
            // Each panel renders on its own surface: a plot clears whatever canvas it is given.
            using var panel = SKSurface.Create(new SKImageInfo(PanelWidth, PanelHeight));
            Panel(samples, columns, f).Render(panel);
            using var snapshot = panel.Snapshot();
            surface.Canvas.DrawImage(snapshot, (f % Columns) * PanelWidth, (f / Columns) * PanelHeight);
        }

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        AtomicFile.WriteAllBytes(path, png.AsSpan());
    }

    private static Plot Panel(LabeledSamples samples, ClassColumns columns, int feature)
    {
        // Range from the 0.5% and 99.5% quantiles of all classes together, so one outlier does not flatten the rest.
        var all = Enumerable.Range(0, ClassColumns.GroupNames(samples).Length).SelectMany(c => columns.Values(c, feature)).ToArray();
        Array.Sort(all);
        var low = FeatureStatistics.Quantile(all, 0.005);
        var high = FeatureStatistics.Quantile(all, 0.995);
        var bins = Bins;
        if (all.All(double.IsInteger))
        {
            // Counts (multiplicity): one bin per integer, or the picture shows binning stripes instead of data.
            (low, high) = (Math.Floor(low) - 0.5, Math.Ceiling(high) + 0.5);
            bins = (int)Math.Min(high - low, 4 * Bins);
        }

        if (!(high > low))
        {
            high = low + 1;
        }

        var plot = new Plot();
        plot.Title(samples.FeatureNames[feature], size: 13);
        var palette = new ScottPlot.Palettes.Category10();
        for (var c = 0; c < ClassColumns.GroupNames(samples).Length; c++)
        {
            var (centers, density) = Histogram(columns.Values(c, feature), low, high, bins);
            var line = plot.Add.ScatterLine(centers, density, palette.GetColor(c));
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.LineWidth = 1.5f;
            line.LegendText = ClassColumns.GroupNames(samples)[c];
        }

        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.Margins(horizontal: 0, vertical: 0.05);
        return plot;
    }

    private static (double[] Centers, double[] Density) Histogram(double[] values, double low, double high, int bins)
    {
        var width = (high - low) / bins;
        var counts = new double[bins];
        foreach (var value in values)
        {
            var bin = (int)Math.Floor((value - low) / width);
            if (bin >= 0 && bin < bins)
            {
                counts[bin]++;
            }
        }

        var centers = new double[bins];
        for (var b = 0; b < bins; b++)
        {
            centers[b] = low + ((b + 0.5) * width);
            counts[b] = values.Length == 0 ? 0 : counts[b] / (values.Length * width);
        }

        return (centers, counts);
    }
}
