using Codesign.Core.Diagnostics;

namespace Codesign.Data.Tests;

internal static class Errors
{
    /// <summary>Runs <paramref name="action"/>, expecting a CodesignException, and returns its diagnostics.</summary>
    public static IReadOnlyList<Diagnostic> Of(Action action)
    {
        var exception = Assert.Throws<CodesignException>(action);
        Assert.NotEmpty(exception.Diagnostics);
        Assert.All(exception.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        return exception.Diagnostics;
    }

    /// <summary>Expects exactly one diagnostic and returns it.</summary>
    public static Diagnostic Single(Action action) => Assert.Single(Of(action));
}
