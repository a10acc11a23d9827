namespace Codesign.Core.Diagnostics;

/// <summary>
/// Collects errors so one run reports several problems (someone fixing a spec or a CSV wants to see more than the
/// first), up to a cap beyond which more of the same only buries the useful ones.
/// </summary>
public sealed class DiagnosticBag(int capacity = int.MaxValue)
{
    private readonly List<Diagnostic> diagnostics = [];

    public bool HasErrors => diagnostics.Count > 0;

    public bool IsFull => diagnostics.Count >= capacity;

    public void Error(string code, SourceSpan location, string message) => Add(Diagnostic.Error(code, location, message));

    public void Add(Diagnostic diagnostic)
    {
        if (!IsFull)
        {
            diagnostics.Add(diagnostic);
        }
    }

    /// <summary>Throws all collected errors in file order.</summary>
    public void ThrowIfAny()
    {
        if (diagnostics.Count > 0)
        {
            throw new CodesignException(diagnostics
                .OrderBy(d => d.Location.File, StringComparer.Ordinal)
                .ThenBy(d => d.Location.Line)
                .ThenBy(d => d.Location.Column)
                .ToList());
        }
    }
}
