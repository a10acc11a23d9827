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

    /// <summary>The node of the n-th entry of a <c>path</c> list; the first is <see cref="PathNode"/>.</summary>
    public static SourceSpan PathEntryNode(int index) => index == 0 ? PathNode : new(SpecFile, 30 + index, 9);

    /// <summary>The node of the n-th entry of a <c>test_path</c> list.</summary>
    public static SourceSpan TestPathEntryNode(int index) => new(SpecFile, 40 + index, 14);

    /// <summary>A <c>path</c> as the parser resolves it: one entry per path or glob, each with its own node.</summary>
    public static DataFileSet Files(params string[] paths) => new(paths, paths.Select((_, i) => PathEntryNode(i)).ToArray());

    public static DataFileSet TestFiles(params string[] paths) => new(paths, paths.Select((_, i) => TestPathEntryNode(i)).ToArray());

    public static DataSpec Csv(string path, string[] features, string label = "label", string[]? classes = null, SplitSpec? split = null) =>
        FileSource(DataSource.Csv, "csv", Files(path), features, label, classes, split);

    public static DataSpec Csv(DataFileSet files, string[] features, string label = "label", string[]? classes = null, SplitSpec? split = null, DataFileSet? testFiles = null) =>
        FileSource(DataSource.Csv, "csv", files, features, label, classes, split, testFiles);

    /// <summary>What <c>source: openml-csv</c> gives: the 16 jet features, label <c>class</c>, classes g, q, w, z, t.</summary>
    public static DataSpec OpenMlCsv(DataFileSet files, SplitSpec? split = null, DataFileSet? testFiles = null) =>
        FileSource(DataSource.Csv, "openml-csv", files, [.. JetDataCatalog.FeatureNames], "class", [.. JetDataCatalog.ClassNames], split, testFiles);

    public static DataSpec Arff(DataFileSet files, string[] features, string label = "class", string[]? classes = null, SplitSpec? split = null, DataFileSet? testFiles = null) =>
        FileSource(DataSource.Arff, "arff", files, features, label, classes, split, testFiles);

    public static DataSpec Hdf5(DataFileSet files, string[] features, string[]? classes = null, SplitSpec? split = null, DataFileSet? testFiles = null) =>
        FileSource(DataSource.Hdf5, "hdf5", files, features, label: null, classes ?? [.. JetDataCatalog.ClassNames], split, testFiles);

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

    private static DataSpec FileSource(
        DataSource source,
        string sourceName,
        DataFileSet files,
        string[] features,
        string? label,
        string[]? classes,
        SplitSpec? split,
        DataFileSet? testFiles = null) =>
        new()
        {
            Source = source,
            SourceName = sourceName,
            Files = files,
            TestFiles = testFiles,
            Features = features,
            FeatureLocations = features.Select((_, i) => FeatureNode(i)).ToArray(),
            Label = label,
            LabelLocation = label is null ? default : LabelNode,
            Classes = classes ?? [],
            ClassesLocation = ClassesNode,

            // As the parser does: a separate test source leaves no test fraction.
            Split = split ?? new SplitSpec(0.2, testFiles is null ? 0.2 : 0, 1),
            Location = new SourceSpan(SpecFile, 3, 1),
        };
}
