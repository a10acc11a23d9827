using Codesign.Core.Diagnostics;

namespace Codesign.Cli.Commands;

/// <summary>Turns libtorch load failures into an actionable diagnostic instead of TorchSharp's generic text.</summary>
internal static class NativeLoadFailure
{
    public static bool Matches(Exception exception) =>
        Flatten(exception).Any(e => e is DllNotFoundException || e.Message.Contains("libtorch", StringComparison.OrdinalIgnoreCase));

    public static string Describe(string specPath, Exception exception)
    {
        var innermost = Flatten(exception).Last().Message;
        return Diagnostic.Error(DiagnosticCodes.NativeFailure, SourceSpan.WholeFile(Path.GetFullPath(specPath)),
            $"libtorch could not be loaded ({innermost}). On Debian 12 the build patches libLibTorchSharp.so for the missing GLIBCXX_3.4.32; run the tool from its build output, or rebuild src/Codesign.Cli.").ToString();
    }

    private static IEnumerable<Exception> Flatten(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
