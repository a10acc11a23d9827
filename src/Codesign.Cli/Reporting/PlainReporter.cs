using System.Globalization;
using Codesign.Cli.Pipeline;
using Codesign.Training.Float;

namespace Codesign.Cli.Reporting;

/// <summary>One line per event, for redirected output: MSBuild forwards each line as a build message.</summary>
internal sealed class PlainReporter(TextWriter output) : IStageReporter
{
    public void StageStarted(string stage) => output.WriteLine($"codesign: {stage}: running");

    public void StageUpToDate(string stage) => output.WriteLine($"codesign: {stage}: up to date");

    public void StageFinished(string stage, TimeSpan elapsed) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"codesign: {stage}: done in {elapsed.TotalSeconds:F1} s"));

    public void Info(string message) => output.WriteLine($"codesign: {message}");

    public void Warning(Codesign.Core.Diagnostics.Diagnostic warning) => output.WriteLine(warning.ToString());

    public T Training<T>(int epochs, Func<Action<EpochReport>, T> train)
    {
        ArgumentNullException.ThrowIfNull(train);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        return train(report =>
        {
            var remaining = TimeSpan.FromTicks(clock.Elapsed.Ticks / report.Epoch * (report.Epochs - report.Epoch));
            output.WriteLine(EpochLine.Format(report, remaining));
            output.Flush();
        });
    }
}
