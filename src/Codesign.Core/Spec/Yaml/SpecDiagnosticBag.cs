using Codesign.Core.Diagnostics;

namespace Codesign.Core.Spec.Yaml;

/// <summary>Collects every problem in a spec so the user can fix them all in one pass.</summary>
internal sealed class SpecDiagnosticBag
{
    private readonly List<Diagnostic> diagnostics = [];

    public bool HasErrors => diagnostics.Count > 0;

    public void Error(string code, SourceSpan span, string message) => diagnostics.Add(Diagnostic.Error(code, span, message));

    public void ThrowIfAny()
    {
        if (diagnostics.Count > 0)
        {
            throw new CodesignException(diagnostics
                .OrderBy(d => d.Location.Line)
                .ThenBy(d => d.Location.Column)
                .ToList());
        }
    }
}
