using Codesign.Core.Diagnostics;

namespace Codesign.Data.FileSources;

/// <summary>
/// Rows gathered from the files of one file set, in file order. Labels may still be provisional ids (see
/// <see cref="Csv.CsvLabels"/>) until the format settles the class names.
/// </summary>
internal sealed class RowBuffer(int featureCount)
{
    private readonly List<float> _features = [];
    private readonly List<int> _labels = [];
    private readonly List<string> _files = [];

    public int FeatureCount => featureCount;

    public int RowCount => _labels.Count;

    /// <summary>The files read, in order (for messages about the set as a whole).</summary>
    public IReadOnlyList<string> Files => _files;

    /// <summary>Where a "too few rows" problem points: the last line read, or the last file when it has no lines.</summary>
    public SourceSpan End { get; set; }

    public void BeginFile(string path)
    {
        _files.Add(path);
        End = SourceSpan.WholeFile(path);
    }

    public void Add(ReadOnlySpan<float> features, int label)
    {
        _features.AddRange(features);
        _labels.Add(label);
    }

    public float[] Features() => [.. _features];

    public int[] Labels() => [.. _labels];
}
