namespace Codesign.Core.Diagnostics;

/// <summary>"Did you mean" hints for misspelt keys, columns and names: a case-only difference or a small typo.</summary>
public static class NameSuggestions
{
    public static string? ClosestMatch(string requested, IEnumerable<string> available)
    {
        ArgumentNullException.ThrowIfNull(requested);
        ArgumentNullException.ThrowIfNull(available);
        var candidates = available.ToList();
        var caseOnly = candidates.FirstOrDefault(name => string.Equals(name, requested, StringComparison.OrdinalIgnoreCase));
        if (caseOnly is not null)
        {
            return caseOnly;
        }

        // About one edit per four characters: "mass" does not suggest "pass", but "j_mas_mmdt" finds "j_mass_mmdt".
        var allowed = Math.Max(1, requested.Length / 4);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var name in candidates)
        {
            var distance = EditDistance(requested.ToUpperInvariant(), name.ToUpperInvariant());
            if (distance <= allowed && distance < bestDistance)
            {
                best = name;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>"; did you mean 'x'?" or an empty string, ready to append to a message clause.</summary>
    public static string DidYouMean(string requested, IEnumerable<string> available) =>
        ClosestMatch(requested, available) is { } match ? $"; did you mean '{match}'?" : string.Empty;

    /// <summary>The names comma-separated for a message, shortened so a 500-column CSV does not flood the log.</summary>
    public static string Enumerate(IReadOnlyList<string> names, int limit = 40)
    {
        ArgumentNullException.ThrowIfNull(names);
        var shown = string.Join(", ", names.Take(limit));
        return names.Count > limit ? $"{shown}, ... ({names.Count - limit} more)" : shown;
    }

    /// <summary>
    /// Edit distance counting insertions, deletions, substitutions and swaps of adjacent characters (optimal
    /// string alignment), because "lable" for "label" is one slip of the fingers, not two.
    /// </summary>
    public static int EditDistance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(d[i - 1, j - 1] + cost, Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
