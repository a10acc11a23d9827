using Codesign.Core.Artifacts;
using Codesign.Training.Metrics;
using ScottPlot;

namespace Codesign.Cli.Reporting;

/// <summary>One-vs-rest ROC curves per class, for several models on the same samples (quantized beside float).</summary>
internal static class RocPlot
{
    public static void Write(string path, IReadOnlyList<string> classNames, int[] labels, IReadOnlyList<(string Name, float[] Scores)> models)
    {
        var plot = new Plot();
        plot.Title("ROC curves, one class against the rest (test split)");
        plot.XLabel("false positive rate");
        plot.YLabel("true positive rate");
        var palette = new ScottPlot.Palettes.Category10();
        for (var c = 0; c < classNames.Count; c++)
        {
            for (var m = 0; m < models.Count; m++)
            {
                var (falsePositive, truePositive) = RocCurve.Of(models[m].Scores, labels, classNames.Count, c);
                var auc = ClassificationMetrics.OneVsRestAuc(models[m].Scores, labels, classNames.Count, c);
                var line = plot.Add.ScatterLine(falsePositive, truePositive, palette.GetColor(c));
                line.LineWidth = 1.5f;
                line.LinePattern = m == 0 ? LinePattern.Solid : LinePattern.Dashed;
                line.LegendText = $"{classNames[c]} {models[m].Name} (AUC {auc:F4})";
            }
        }

        plot.ShowLegend(Alignment.LowerRight);
        plot.Axes.SetLimits(0, 1, 0, 1);
        var image = plot.GetImage(900, 700);
        AtomicFile.WriteAllBytes(path, image.GetImageBytes(ImageFormat.Png));
    }
}
