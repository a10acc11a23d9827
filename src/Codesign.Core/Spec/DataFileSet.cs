using Codesign.Core.Diagnostics;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Codesign.Core.Spec;

/// <summary>One data file the spec resolves to, with the spec node that named it (for errors about the file).</summary>
public sealed record DataFile(string Path, SourceSpan SpecLocation);

/// <summary>
/// The files a spec's <c>path</c> (or <c>test_path</c>) names: one path, a list, or glob patterns such as
/// <c>data/train/*.h5</c>. Patterns are absolute (resolved against the spec's folder by the parser).
/// </summary>
public sealed record DataFileSet(IReadOnlyList<string> Patterns, IReadOnlyList<SourceSpan> Locations)
{
    /// <summary>
    /// The matching files, in pattern order and, within a pattern, in ordinal order, so the row order (and with it
    /// every artifact) does not depend on the file system's listing order. A pattern that matches nothing is an error.
    /// </summary>
    public IReadOnlyList<DataFile> Expand()
    {
        var files = new List<DataFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var diagnostics = new DiagnosticBag();
        for (var i = 0; i < Patterns.Count; i++)
        {
            var matches = Matches(Patterns[i]);
            if (matches.Count == 0)
            {
                diagnostics.Error(DiagnosticCodes.DataFileNotFound, Locations[i], IsPattern(Patterns[i])
                    ? $"no file matches '{Patterns[i]}'"
                    : $"data file '{Patterns[i]}' does not exist (relative paths are resolved against the spec's folder)");
            }

            files.AddRange(matches.Where(seen.Add).Select(path => new DataFile(path, Locations[i])));
        }

        diagnostics.ThrowIfAny();
        return files;
    }

    public static bool IsPattern(string path) => path.AsSpan().IndexOfAny('*', '?') >= 0;

    private static List<string> Matches(string pattern)
    {
        if (!IsPattern(pattern))
        {
            return File.Exists(pattern) ? [pattern] : [];
        }

        // The fixed leading folders are the root; the rest (which may contain ** and wildcards) is the glob.
        var parts = pattern.Replace('\\', '/').Split('/');
        var fixedCount = Array.FindIndex(parts, part => IsPattern(part));
        var root = string.Join('/', parts[..fixedCount]);
        if (root.Length == 0 || !Directory.Exists(root))
        {
            return [];
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(string.Join('/', parts[fixedCount..]));
        return matcher.GetResultsInFullPath(root).Order(StringComparer.Ordinal).ToList();
    }
}
