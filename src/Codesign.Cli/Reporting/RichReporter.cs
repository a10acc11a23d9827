using System.Globalization;
using Codesign.Cli.Pipeline;
using Codesign.Training.Float;
using Spectre.Console;

namespace Codesign.Cli.Reporting;

/// <summary>Interactive terminals get a live progress bar with loss, accuracy and time remaining.</summary>
internal sealed class RichReporter(IAnsiConsole console) : IStageReporter
{
    public void StageStarted(string stage) => console.MarkupLine($"[bold]{stage}[/] running");

    public void StageUpToDate(string stage) => console.MarkupLine($"[grey]{stage}: up to date[/]");

    public void StageFinished(string stage, TimeSpan elapsed) =>
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[green]{stage}[/] done in {elapsed.TotalSeconds:F1} s"));

    public void Info(string message) => console.MarkupLineInterpolated($"{message}");

    public void Warning(Codesign.Core.Diagnostics.Diagnostic warning) => console.MarkupLineInterpolated($"[yellow]{warning.ToString()}[/]");

    public T Training<T>(int epochs, Func<Action<EpochReport>, T> train)
    {
        ArgumentNullException.ThrowIfNull(train);
        return console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask("training", maxValue: epochs);
                return train(report =>
                {
                    var validation = report.ValidationAccuracy is { } accuracy ? string.Create(CultureInfo.InvariantCulture, $" val {accuracy:P1}") : string.Empty;
                    var trainAccuracy = report.TrainAccuracy is { } train ? string.Create(CultureInfo.InvariantCulture, $" acc {train:P1}") : string.Empty;
                    task.Description = string.Create(CultureInfo.InvariantCulture,
                        $"epoch {report.Epoch}/{report.Epochs} loss {report.TrainLoss.ToString(report.TrainAccuracy is null ? "G4" : "F4", CultureInfo.InvariantCulture)}{trainAccuracy}{validation}");
                    task.Increment(1);
                });
            });
    }
}
