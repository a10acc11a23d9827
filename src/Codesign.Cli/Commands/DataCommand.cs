using System.CommandLine;
using Codesign.Cli.Reporting;
using Codesign.Core.Diagnostics;
using Codesign.Core.Spec;
using Codesign.Data;
using Codesign.Data.Summaries;
using Spectre.Console;

namespace Codesign.Cli.Commands;

/// <summary><c>codesign data describe</c>: per-class feature summaries of a spec's data source, before scaling.</summary>
internal static class DataCommand
{
    public static Command Create(Func<IAnsiConsole> consoleFactory, TextWriter output)
    {
        var spec = new Argument<FileInfo>("spec") { Description = "The model spec (YAML)." };
        var plot = new Option<FileInfo?>("--plot") { Description = "Also write the per-class feature distributions as a PNG." };
        var describe = new Command("describe", "Print per-class statistics of every feature of the spec's data source.") { spec, plot };
        describe.SetAction(parse => Describe(parse.GetValue(spec)!.FullName, parse.GetValue(plot)?.FullName, consoleFactory(), output));
        return new Command("data", "Inspect the data a spec trains on.") { describe };
    }

    private static int Describe(string specPath, string? plotPath, IAnsiConsole console, TextWriter output)
    {
        try
        {
            var spec = SpecReader.ReadFile(specPath);
            var samples = DataPreparer.Load(spec.Data);
            FeatureSummaryTable.Write(console, ClassFeatureSummary.Of(samples),
                $"{Path.GetFileName(spec.Path)}: {samples.RowCount} rows from source '{spec.Data.SourceName}', before standardization");
            if (plotPath is not null)
            {
                FeatureDistributionPlot.Write(plotPath, samples);
                console.WriteLine($"wrote {plotPath}");
            }

            return PipelineCommand.Success;
        }
        catch (CodesignException exception)
        {
            foreach (var diagnostic in exception.Diagnostics)
            {
                output.WriteLine(diagnostic.ToString());
            }

            return PipelineCommand.Failure;
        }
    }
}
