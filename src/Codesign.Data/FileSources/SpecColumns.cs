using Codesign.Core.Diagnostics;
using Codesign.Core.Spec;

namespace Codesign.Data.FileSources;

/// <summary>
/// Finds the columns a spec asks for among those a file offers. A missing one is reported at the spec node that
/// asked for it, naming the file (every file of a set must offer every column) and what it does offer.
/// </summary>
internal static class SpecColumns
{
    /// <summary>The position of every spec feature in <paramref name="available"/>, or null if any is missing.</summary>
    /// <param name="where">Where the names were looked for, for messages: "the header of 'x.csv'".</param>
    public static int[]? Features(DataSpec spec, IReadOnlyList<string> available, string where, DiagnosticBag diagnostics)
    {
        var positions = Positions(available);
        var features = new int[spec.Features.Count];
        var complete = true;
        for (var i = 0; i < features.Length; i++)
        {
            if (!positions.TryGetValue(spec.Features[i], out features[i]))
            {
                diagnostics.Error(DiagnosticCodes.UnknownColumn, SpecLocations.Feature(spec, i), Unknown("feature column", spec.Features[i], available, where));
                complete = false;
            }
        }

        return complete ? features : null;
    }

    /// <summary>The position of the spec's label column in <paramref name="available"/>, or -1 if it is missing.</summary>
    public static int Label(DataSpec spec, IReadOnlyList<string> available, string where, DiagnosticBag diagnostics)
    {
        var label = spec.Label!;
        if (Positions(available).TryGetValue(label, out var position))
        {
            return position;
        }

        diagnostics.Error(DiagnosticCodes.UnknownColumn, SpecLocations.Label(spec), Unknown("label column", label, available, where));
        return -1;
    }

    public static string Unknown(string role, string name, IReadOnlyList<string> available, string where) =>
        $"{role} '{name}' is not in {where}; expected one of: {NameSuggestions.Enumerate(available)}"
        + NameSuggestions.DidYouMean(name, available);

    private static Dictionary<string, int> Positions(IReadOnlyList<string> available)
    {
        // The first of duplicate names wins; formats that forbid duplicates have reported them already.
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < available.Count; i++)
        {
            positions.TryAdd(available[i], i);
        }

        return positions;
    }
}
