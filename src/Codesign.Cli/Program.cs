using Codesign.Cli.Commands;
using Codesign.Cli.Pipeline;
using Codesign.Cli.Reporting;
using Spectre.Console;

namespace Codesign.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        TestHooks.Apply();
        var output = Console.Out;
        Func<IStageReporter> reporter = Console.IsOutputRedirected
            ? () => new PlainReporter(output)
            : () => new RichReporter(AnsiConsole.Console);
        Func<IAnsiConsole> console = Console.IsOutputRedirected
            ? () => Commands.CommandLine.ConsoleFor(output)
            : () => AnsiConsole.Console;
        return Commands.CommandLine.Create(reporter, console, output).Parse(args).Invoke();
    }
}
