using Codesign.Core.Diagnostics;
using Codesign.Core.Spec;

namespace Codesign.Data.Tests;

/// <summary>DataSpecs as the spec parser would build them, with distinct node locations to assert against.</summary>
internal static class Specs
{
    public const string SpecFile = "/specs/model.yaml";

    public static readonly SourceSpan PathNode = new(SpecFile, 4, 9);
    public static readonly SourceSpan LabelNode = new(SpecFile, 8, 10);
    public static readonly SourceSpan SamplesNode = new(SpecFile, 5, 12);
    public static readonly SourceSpan ClassesNode = new(SpecFile, 9, 12);
    public static readonly SourceSpan ClassMixNode = new(SpecFile, 10, 13);

    public static SourceSpan FeatureNode(int index) => new(SpecFile, 6 + index, 7);

    public static DataSpec Csv(string path, string[] features, string label = "label", string[]? classes = null, SplitSpec? split = null) =>
        new()
        {
            Source = DataSource.Csv,
            SourceName = "csv",
            Files = new DataFileSet([path], [PathNode]),
            Features = features,
            FeatureLocations = features.Select((_, i) => FeatureNode(i)).ToArray(),
            Label = label,
            LabelLocation = LabelNode,
            Classes = classes ?? [],
            ClassesLocation = ClassesNode,
            Split = split ?? new SplitSpec(0.2, 0.2, 1),
            Location = new SourceSpan(SpecFile, 3, 1),
        };

    public static DataSpec Jets(int samples, ulong seed = 1, string[]? features = null, string[]? classes = null, double[]? classMix = null, SplitSpec? split = null) =>
        new()
        {
            Source = DataSource.Jets,
            Samples = samples,
            SamplesLocation = SamplesNode,
            Seed = seed,
            Features = features ?? [],
            FeatureLocations = (features ?? []).Select((_, i) => FeatureNode(i)).ToArray(),
            Classes = classes ?? [],
            ClassesLocation = ClassesNode,
            ClassMix = classMix ?? [],
            ClassMixLocation = ClassMixNode,
            Split = split ?? new SplitSpec(0.2, 0.2, 1),
            Location = new SourceSpan(SpecFile, 3, 1),
        };
}
