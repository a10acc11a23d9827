using Codesign.Core.Diagnostics;

namespace Codesign.Core.Spec;

public enum DataSource
{
    /// <summary>The built-in jet generator: no download, deterministic per seed.</summary>
    Jets,

    /// <summary>CSV files with a header row (OpenML's CSV export of hls4ml_lhc_jets_hlf is one).</summary>
    Csv,

    /// <summary>ARFF files (Weka's format, which OpenML serves natively).</summary>
    Arff,

    /// <summary>The Zenodo hls4ml jet HDF5 files: a <c>jets</c> array described by <c>jetFeatureNames</c>.</summary>
    Hdf5,

    /// <summary>The built-in HGCal module generator: unlabelled 8x8x1 charge maps, already normalised.</summary>
    Hgcal,

    /// <summary>The authors' HGCal CSV layout (columns CALQ_0 .. CALQ_47), placed into 8x8x1 images and normalised.</summary>
    HgcalCsv,
}

/// <summary>
/// The <c>data:</c> section. Locations point at the spec nodes so the data stage can report, for example,
/// an unknown column at the feature name that asked for it.
/// </summary>
public sealed record DataSpec
{
    public required DataSource Source { get; init; }

    /// <summary>The source as the spec names it (<c>openml-csv</c>, say), for messages.</summary>
    public string SourceName { get; init; } = "jets";

    /// <summary>The data files of a file source (absolute paths or glob patterns); null for the generator.</summary>
    public DataFileSet? Files { get; init; }

    /// <summary>A separate test source in the same format; when set, no test fraction is split off.</summary>
    public DataFileSet? TestFiles { get; init; }

    /// <summary>Feature columns in model-input order. Empty for the jet generator means "all 16".</summary>
    public IReadOnlyList<string> Features { get; init; } = [];

    public IReadOnlyList<SourceSpan> FeatureLocations { get; init; } = [];

    /// <summary>The label column (CSV, ARFF); HDF5 files carry one-hot <c>j_&lt;class&gt;</c> columns instead.</summary>
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

    /// <summary>Sources without labels, which only an autoencoder (a model with a decoder) can learn from.</summary>
    public bool IsUnlabeled => Source is DataSource.Hgcal or DataSource.HgcalCsv;

    /// <summary>Whether the rows come from a built-in generator (which reads <c>samples</c> and <c>seed</c>).</summary>
    public bool IsGenerated => Source is DataSource.Jets or DataSource.Hgcal;
}

/// <summary>Fractions of the shuffled data held out for validation and test; training gets the rest.</summary>
public sealed record SplitSpec(double Validation, double Test, ulong Seed);
