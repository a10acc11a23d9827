using Codesign.Core.Diagnostics;

namespace Codesign.Core.Spec;

public enum DataSource
{
    /// <summary>The built-in jet generator: no download, deterministic per seed.</summary>
    Jets,

    /// <summary>A CSV file with a header row of named columns.</summary>
    Csv,
}

/// <summary>
/// The <c>data:</c> section. Locations point at the spec nodes so the data stage can report, for example,
/// an unknown column at the feature name that asked for it.
/// </summary>
public sealed record DataSpec
{
    public required DataSource Source { get; init; }

    /// <summary>CSV path, absolute (resolved against the spec's folder by the parser); null for generators.</summary>
    public string? Path { get; init; }

    public SourceSpan PathLocation { get; init; }

    /// <summary>Feature columns in model-input order. Empty for the jet generator means "all 16".</summary>
    public IReadOnlyList<string> Features { get; init; } = [];

    public IReadOnlyList<SourceSpan> FeatureLocations { get; init; } = [];

    /// <summary>CSV label column.</summary>
    public string? Label { get; init; }

    public SourceSpan LabelLocation { get; init; }

    /// <summary>Class names in output order. Empty means: the generator's own, or the CSV's distinct labels sorted.</summary>
    public IReadOnlyList<string> Classes { get; init; } = [];

    public SourceSpan ClassesLocation { get; init; }

    /// <summary>Generator sample count.</summary>
    public int Samples { get; init; } = 200_000;

    public SourceSpan SamplesLocation { get; init; }

    /// <summary>Generator seed.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Relative class frequencies for the generator, one per class; empty means balanced.</summary>
    public IReadOnlyList<double> ClassMix { get; init; } = [];

    public SourceSpan ClassMixLocation { get; init; }

    public required SplitSpec Split { get; init; }

    public SourceSpan Location { get; init; }
}

/// <summary>Fractions of the shuffled data held out for validation and test; training gets the rest.</summary>
public sealed record SplitSpec(double Validation, double Test, ulong Seed);
