using System.CommandLine;
using Codesign.Cli.Pipeline;
using Codesign.Data.Csv;
using Codesign.Qonnx.Execution;
using Codesign.Qonnx.Reading;

namespace Codesign.Cli.Commands;

/// <summary><c>codesign qonnx export | run | inspect</c>: the interchange files on their own.</summary>
internal static class QonnxCommand
{
    public static Command Create(Command exportStages, TextWriter output)
    {
        var command = new Command("qonnx", "Write, run and inspect QONNX files.") { exportStages, Run(output), Inspect(output) };
        return command;
    }

    private static Command Run(TextWriter output)
    {
        var model = new Argument<FileInfo>("model") { Description = "A QONNX (or plain ONNX) file." };
        var data = new Argument<FileInfo>("data") { Description = "CSV of inputs, one sample per row, as the model takes them (after any scaling); a header line is skipped." };
        var useFloat = new Option<bool>("--float") { Description = "Use QONNX's float semantics even when the graph is fixed point." };
        var outputFile = new Option<FileInfo?>("--output") { Description = "Write the predictions here instead of to standard output." };
        var command = new Command("run", "Run a model on a CSV of inputs and print the class and outputs per row.") { model, data, useFloat, outputFile };
        command.SetAction(parse => DiagnosticsOutput.Run(output, () =>
        {
            var read = QonnxReader.ReadFile(parse.GetValue(model)!.FullName);
            var exact = read.IsRepresentable && !parse.GetValue(useFloat);
            double[] values;
            int rows;
            string comment;
            if (exact)
            {
                var graph = read.Graph!;
                (var inputs, rows) = CsvInputMatrix.Read(parse.GetValue(data)!.FullName, graph.Input.Shape.Size);
                values = [.. GraphExecutor.Run(graph, inputs, rows).Select(value => (double)value)];
                comment = "integer reference executor: bit-exact with the HLS C-simulation";
            }
            else
            {
                var executor = read.CreateFloatExecutor();
                (var inputs, rows) = CsvInputMatrix.Read(parse.GetValue(data)!.FullName, executor.InputSampleShape.Aggregate(1, (a, b) => a * b));
                values = executor.Run(inputs, rows);
                comment = read.IsRepresentable ? "QONNX float semantics (--float)" : "QONNX float semantics; not a fixed-point graph: " + string.Join("; ", read.Reasons);
            }

            if (parse.GetValue(outputFile) is { } file)
            {
                using var writer = new StreamWriter(file.FullName);
                PredictionTable.Write(writer, values, rows, comment);
                output.WriteLine($"codesign: qonnx run: {rows} predictions written to {file.FullName}");
            }
            else
            {
                PredictionTable.Write(output, values, rows, comment);
            }

            return PipelineCommand.Success;
        }));
        return command;
    }

    private static Command Inspect(TextWriter output)
    {
        var model = new Argument<FileInfo>("model") { Description = "A QONNX (or plain ONNX) file." };
        var command = new Command("inspect", "Print the graph: every node, and every tensor's shape and fixed-point format.") { model };
        command.SetAction(parse => DiagnosticsOutput.Run(output, () =>
        {
            var path = parse.GetValue(model)!.FullName;
            var read = QonnxReader.ReadFile(path);
            output.Write(QonnxInspector.Inspect(read.Model, path));
            output.WriteLine(read.IsRepresentable
                ? "fixed point: yes; runs bit-exactly in the integer executor and the HLS flow"
                : "fixed point: no (" + string.Join("; ", read.Reasons) + "); runs with QONNX float semantics");
            return PipelineCommand.Success;
        }));
        return command;
    }
}
