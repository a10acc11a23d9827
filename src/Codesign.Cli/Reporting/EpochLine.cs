using System.Globalization;
using Codesign.Training.Float;

namespace Codesign.Cli.Reporting;

internal static class EpochLine
{
    public static string Format(EpochReport report, TimeSpan remaining)
    {
        // An autoencoder has losses only; a classifier also accuracies.
        var validation = report.ValidationAccuracy is { } accuracy
            ? string.Create(CultureInfo.InvariantCulture, $" val_loss {report.ValidationLoss:F4} val_acc {accuracy:P2}")
            : report.ValidationLoss is { } loss ? string.Create(CultureInfo.InvariantCulture, $" val_loss {loss:G4}") : string.Empty;
        var trainAccuracy = report.TrainAccuracy is { } train ? string.Create(CultureInfo.InvariantCulture, $" acc {train:P2}") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"codesign: train: epoch {report.Epoch}/{report.Epochs} loss {report.TrainLoss.ToString(report.TrainAccuracy is null ? "G4" : "F4", CultureInfo.InvariantCulture)}{trainAccuracy}{validation} lr {report.LearningRate:G4} eta {remaining:mm\\:ss}");
    }
}
