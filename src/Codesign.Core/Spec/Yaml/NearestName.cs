namespace Codesign.Core.Spec.Yaml;

/// <summary>"Did you mean" suggestions by edit distance, so a typo such as <c>learning_rat</c> names its fix.</summary>
public static class NearestName
{
    public static string? Suggest(string typed, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(typed);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(typed.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        // Beyond a third of the word, a suggestion is more confusing than helpful.
        return best is not null && bestDistance <= Math.Max(1, typed.Length / 3) ? best : null;
    }

    public static string DidYouMean(string typed, IEnumerable<string> candidates) =>
        Suggest(typed, candidates) is { } suggestion ? $"; did you mean '{suggestion}'?" : string.Empty;

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
