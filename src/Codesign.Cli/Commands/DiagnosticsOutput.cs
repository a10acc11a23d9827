using Codesign.Core.Diagnostics;

namespace Codesign.Cli.Commands;

/// <summary>Runs a command body and turns a <see cref="CodesignException"/> into canonical lines and exit code 1.</summary>
internal static class DiagnosticsOutput
{
    public static int Run(TextWriter output, Func<int> body)
    {
        try
        {
            return body();
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
