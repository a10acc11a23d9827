using Codesign.Core.Diagnostics;
using Codesign.Core.Spec;

namespace Codesign.Data;

/// <summary>Where in the spec to point a diagnostic, falling back to the data section when a node has no location.</summary>
internal static class SpecLocations
{
    public static SourceSpan Feature(DataSpec spec, int index) =>
        index < spec.FeatureLocations.Count && spec.FeatureLocations[index].HasPosition
            ? spec.FeatureLocations[index]
            : Section(spec);

    public static SourceSpan Label(DataSpec spec) => OrSection(spec, spec.LabelLocation);

    public static SourceSpan Path(DataSpec spec) => OrSection(spec, spec.Files is { Locations.Count: > 0 } files ? files.Locations[0] : default);

    /// <summary>The <c>path</c> or <c>test_path</c> entry that named <paramref name="file"/>.</summary>
    public static SourceSpan File(DataSpec spec, DataFile file) => OrSection(spec, file.SpecLocation);

    public static SourceSpan Samples(DataSpec spec) => OrSection(spec, spec.SamplesLocation);

    public static SourceSpan Classes(DataSpec spec) => OrSection(spec, spec.ClassesLocation);

    public static SourceSpan ClassMix(DataSpec spec) => OrSection(spec, spec.ClassMixLocation);

    private static SourceSpan OrSection(DataSpec spec, SourceSpan location) =>
        location.HasPosition ? location : Section(spec);

    private static SourceSpan Section(DataSpec spec) => spec.Location;
}
