using Codesign.Cli.Reporting;

namespace Codesign.Cli.Tests;

/// <summary>Runs the codesign command tree in process, with plain output captured.</summary>
internal static class CodesignRun
{
    public static (int ExitCode, string Output) Invoke(params string[] arguments)
    {
        using var output = new StringWriter();
        var exitCode = Commands.CommandLine.Create(() => new PlainReporter(output), output).Parse(arguments).Invoke();
        return (exitCode, output.ToString());
    }
}
