using System.CommandLine;
using Codesign.Cli.Pipeline;
using Spectre.Console;

namespace Codesign.Cli.Commands;

/// <summary>The command tree: one command per stage, plus <c>build</c> that runs them in order.</summary>
internal static class CommandLine
{
    public static RootCommand Create(Func<IStageReporter> reporterFactory, TextWriter output) =>
        Create(reporterFactory, () => ConsoleFor(output), output);

    public static RootCommand Create(Func<IStageReporter> reporterFactory, Func<IAnsiConsole> consoleFactory, TextWriter output)
    {
        var root = new RootCommand("codesign: from a YAML model spec to quantized FPGA firmware, one incremental stage at a time.");
        root.Subcommands.Add(StageCommand("validate", "Check the spec and record what each stage depends on.", [], reporterFactory, output));
        root.Subcommands.Add(StageCommand("prepare", "Load or generate the data, split it and fit the scaler.", [Stages.Prepare], reporterFactory, output));
        root.Subcommands.Add(StageCommand("train", "Train the float model (prepares the data first if needed).", [Stages.Prepare, Stages.Train], reporterFactory, output));
        root.Subcommands.Add(StageCommand("hessian", "Per-layer Hessian trace and top eigenvalue of the float model (mixed precision).", [Stages.Prepare, Stages.Train, Stages.Hessian], reporterFactory, output));
        root.Subcommands.Add(StageCommand("allocate", "Choose each layer's width under the budgets with CP-SAT (mixed precision).", [Stages.Prepare, Stages.Train, Stages.Hessian, Stages.Allocate], reporterFactory, output));
        root.Subcommands.Add(StageCommand("qat", "Quantization-aware training for the spec's precision (runs the earlier stages first if needed).", [Stages.Prepare, Stages.Train, Stages.Hessian, Stages.Allocate, Stages.Qat], reporterFactory, output));
        root.Subcommands.Add(StageCommand("export", "Write the quantized model as QONNX and QCDQ (runs the earlier stages first if needed).", [.. Stages.InOrder.TakeWhile(stage => stage != Stages.Hls)], reporterFactory, output));
        var hls = StageCommand("hls", "Write the HLS firmware project (hls4ml's layout) with its testbench data.", [.. Stages.InOrder.TakeWhile(stage => stage != Stages.CSimulation)], reporterFactory, output);
        hls.Subcommands.Add(HlsPredictCommand.Create(output));
        root.Subcommands.Add(hls);
        root.Subcommands.Add(StageCommand("csim", "Compile the HLS project with g++ and compare it bit for bit with the reference executor.", [.. Stages.InOrder.TakeWhile(stage => stage != Stages.Synthesis)], reporterFactory, output));
        root.Subcommands.Add(StageCommand("synth", "Synthesize with Vitis HLS where installed; otherwise write the labelled estimate.", Stages.InOrder, reporterFactory, output));
        root.Subcommands.Add(StageCommand("build", "Run every stage in order, skipping the ones that are up to date.", Stages.InOrder, reporterFactory, output));
        root.Subcommands.Add(SweepCommand(reporterFactory, output));
        root.Subcommands.Add(QonnxCommand.Create(StageCommand("export", "Write the quantized model as QONNX and QCDQ (same as 'codesign export').", [.. Stages.InOrder.TakeWhile(stage => stage != Stages.Hls)], reporterFactory, output), output));
        root.Subcommands.Add(DataCommand.Create(consoleFactory, output));
        return root;
    }

    private static Command SweepCommand(Func<IStageReporter> reporterFactory, TextWriter output)
    {
        var spec = new Argument<FileInfo>("spec") { Description = "The model spec (YAML), with 'precision: { mode: mixed }'." };
        var budgets = new Option<string>("--budgets")
        {
            Description = "BOPs budgets as fractions of the uniform 8-bit cost, comma-separated.",
            DefaultValueFactory = _ => "0.3,0.4,0.5,0.6,0.7",
        };
        var workDirectory = new Option<DirectoryInfo?>("--work-dir") { Description = "Folder for intermediates." };
        var outputDirectory = new Option<DirectoryInfo?>("--out-dir") { Description = "Folder for deliverables." };
        var command = new Command("sweep", "QAT for a list of BOPs budgets and for every uniform width: an accuracy-against-cost table and Pareto plot.")
        {
            spec, budgets, workDirectory, outputDirectory,
        };
        command.SetAction((parse, cancellation) =>
        {
            if (!SweepBudgets.TryParse(parse.GetValue(budgets)!, out var fractions))
            {
                output.WriteLine($"codesign: error {Core.Diagnostics.DiagnosticCodes.BadCommandLine}: --budgets must be comma-separated fractions greater than 0, got '{parse.GetValue(budgets)}'");
                return Task.FromResult(PipelineCommand.Failure);
            }

            var request = new PipelineRequest(parse.GetValue(spec)!.FullName, parse.GetValue(workDirectory)?.FullName, parse.GetValue(outputDirectory)?.FullName,
                false, [Stages.Prepare, Stages.Train, Stages.Hessian, new SweepStage(fractions)]);
            return Task.FromResult(PipelineCommand.Execute(request, reporterFactory(), output, cancellation));
        });
        return command;
    }

    /// <summary>A console without colours or cursor tricks that writes to <paramref name="output"/> (logs, tests).</summary>
    public static IAnsiConsole ConsoleFor(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });

        // A log has no terminal width; wide enough that tables never wrap inside a cell.
        console.Profile.Width = 160;
        return console;
    }

    private static Command StageCommand(string name, string description, IReadOnlyList<IStage> stages, Func<IStageReporter> reporterFactory, TextWriter output)
    {
        var spec = new Argument<FileInfo>("spec") { Description = "The model spec (YAML)." };
        var workDirectory = new Option<DirectoryInfo?>("--work-dir") { Description = "Folder for intermediates (default: <spec folder>/obj/codesign/<spec name>)." };
        var outputDirectory = new Option<DirectoryInfo?>("--out-dir") { Description = "Folder for deliverables (default: <spec folder>/bin/codesign/<spec name>)." };
        var force = new Option<bool>("--force") { Description = "Re-run the stages even when they are up to date." };
        var command = new Command(name, description) { spec, workDirectory, outputDirectory, force };
        command.SetAction((parse, cancellation) =>
        {
            var request = new PipelineRequest(
                parse.GetValue(spec)!.FullName,
                parse.GetValue(workDirectory)?.FullName,
                parse.GetValue(outputDirectory)?.FullName,
                parse.GetValue(force),
                stages);
            return Task.FromResult(PipelineCommand.Execute(request, reporterFactory(), output, cancellation));
        });
        return command;
    }
}
