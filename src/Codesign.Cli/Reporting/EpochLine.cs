using System.Globalization;
using Codesign.Training.Float;

namespace Codesign.Cli.Reporting;

internal static class EpochLine
{
    public static string Format(EpochReport report, TimeSpan remaining)
    {
        var validation = report.ValidationAccuracy is { } accuracy
            ? string.Create(CultureInfo.InvariantCulture, $" val_loss {report.ValidationLoss:F4} val_acc {accuracy:P2}")
            : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"codesign: train: epoch {report.Epoch}/{report.Epochs} loss {report.TrainLoss:F4} acc {report.TrainAccuracy:P2}{validation} lr {report.LearningRate:G4} eta {remaining:mm\\:ss}");
    }
}
