namespace Codesign.Data.Summaries;

/// <summary>
/// Per-class statistics of every feature of a data source, before standardization: what a physicist checks
/// first (does the W mass peak sit at 80 GeV? do gluons have more constituents than quarks?).
/// </summary>
public sealed class ClassFeatureSummary
{
    private readonly FeatureStatistics[,] statistics;

    private ClassFeatureSummary(string[] featureNames, string[] classNames, int[] classCounts, FeatureStatistics[,] statistics)
    {
        FeatureNames = featureNames;
        ClassNames = classNames;
        ClassCounts = classCounts;
        this.statistics = statistics;
    }

    public IReadOnlyList<string> FeatureNames { get; }

    public IReadOnlyList<string> ClassNames { get; }

    public IReadOnlyList<int> ClassCounts { get; }

    public FeatureStatistics this[int classIndex, int featureIndex] => statistics[classIndex, featureIndex];

    public static ClassFeatureSummary Of(LabeledSamples samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var columns = ClassColumns.Of(samples);
        var groups = ClassColumns.GroupNames(samples);
        var result = new FeatureStatistics[groups.Length, samples.FeatureNames.Length];
        for (var c = 0; c < groups.Length; c++)
        {
            for (var f = 0; f < samples.FeatureNames.Length; f++)
            {
                result[c, f] = FeatureStatistics.Of(columns.Values(c, f));
            }
        }

        return new ClassFeatureSummary(samples.FeatureNames, groups, columns.Counts, result);
    }
}
