using System.CommandLine;
using Codesign.Cli.Pipeline;
using Codesign.Core.Graph;
using Codesign.Core.Quantized;
using Codesign.Core.Spec;
using Codesign.Data.Csv;
using Codesign.Hls.Project;
using Codesign.Hls.Simulation;

namespace Codesign.Cli.Commands;

/// <summary>
/// <c>codesign hls predict</c>: the firmware's own answers, computed by the g++-compiled HLS project (the same build
/// the csim stage checks), for inputs a user supplies.
/// </summary>
internal static class HlsPredictCommand
{
    public static Command Create(TextWriter output)
    {
        var spec = new Argument<FileInfo>("spec") { Description = "The model spec (YAML); its qat stage must have run." };
        var data = new Argument<FileInfo>("data") { Description = "CSV of inputs, one sample per row, after the spec's scaling; a header line is skipped." };
        var workDirectory = new Option<DirectoryInfo?>("--work-dir") { Description = "Folder for intermediates." };
        var outputDirectory = new Option<DirectoryInfo?>("--out-dir") { Description = "Folder for deliverables." };
        var command = new Command("predict", "Run the C-simulation of the spec's firmware on a CSV of inputs.") { spec, data, workDirectory, outputDirectory };
        command.SetAction(parse => DiagnosticsOutput.Run(output, () =>
        {
            var model = SpecReader.ReadFile(parse.GetValue(spec)!.FullName);
            var paths = StagePaths.ForSpec(model.Path, parse.GetValue(workDirectory)?.FullName, parse.GetValue(outputDirectory)?.FullName);
            var graph = FirmwareStages.Graph(model, paths);
            var project = HlsProjectWriter.Write(graph, HlsSettingsFromSpec.Of(model.Hls), Path.Combine(paths.CSimulationDirectory, model.Hls.Project), model.Hls.Location);
            var (inputs, rows) = CsvInputMatrix.Read(parse.GetValue(data)!.FullName, graph.Input.Shape.Size);
            using var predictor = HlsPredictor.Build(project);
            PredictionTable.Write(output, predictor.Predict(inputs, rows), rows, $"C-simulation of {project.Name} (g++, our ap_fixed)");
            return PipelineCommand.Success;
        }));
        return command;
    }
}
