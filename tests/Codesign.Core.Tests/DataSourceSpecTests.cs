using Codesign.Core.Diagnostics;
using Codesign.Core.Spec;

namespace Codesign.Core.Tests;

public sealed class DataSourceSpecTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("codesign-files-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private const string Model = "model: { layers: [ { units: 5 } ] }\n";

    [Fact]
    public void OpenMl_csv_defaults_to_the_jet_features_label_and_classes()
    {
        var spec = SpecText.Parse(Model + "data:\n  source: openml-csv\n  path: hls4ml_lhc_jets_hlf.csv\n");

        Assert.Equal(DataSource.Csv, spec.Data.Source);
        Assert.Equal("openml-csv", spec.Data.SourceName);
        Assert.Equal(JetDataCatalog.FeatureNames, spec.Data.Features);
        Assert.Equal("class", spec.Data.Label);
        Assert.Equal(JetDataCatalog.ClassNames, spec.Data.Classes);
        Assert.Equal(16, spec.Model.Inputs);
    }

    [Fact]
    public void Hdf5_takes_a_list_of_files_and_a_separate_test_source()
    {
        var spec = SpecText.Parse(Model + "data:\n  source: hdf5\n  path: [train/a.h5, 'train/*.h5']\n  test_path: val/*.h5\n");

        Assert.Equal(DataSource.Hdf5, spec.Data.Source);
        Assert.Equal([Path.GetFullPath("/specs/train/a.h5"), Path.GetFullPath("/specs/train/*.h5")], spec.Data.Files!.Patterns);
        Assert.Equal([Path.GetFullPath("/specs/val/*.h5")], spec.Data.TestFiles!.Patterns);
        Assert.Equal(0, spec.Data.Split.Test);
        Assert.Null(spec.Data.Label);
    }

    [Fact]
    public void Generic_arff_needs_features_and_label()
    {
        var errors = SpecText.Errors(Model + "data:\n  source: arff\n  path: x.arff\n");

        Assert.Contains(errors, e => e.Code == DiagnosticCodes.MissingKey && e.Message.Contains("'data.label' is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Code == DiagnosticCodes.MissingKey && e.Message.Contains("'data.features' is required for source 'arff'", StringComparison.Ordinal));
    }

    [Fact]
    public void Label_does_not_apply_to_hdf5()
    {
        var error = SpecText.SingleError(Model + "data:\n  source: hdf5\n  path: a.h5\n  label: class\n");

        Assert.Equal((DiagnosticCodes.InconsistentSpec, 5, 3), (error.Code, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Test_fraction_and_test_path_exclude_each_other()
    {
        var error = SpecText.SingleError(Model + "data:\n  source: openml-csv\n  path: a.csv\n  test_path: b.csv\n  split: { test: 0.3 }\n");

        Assert.Equal((DiagnosticCodes.InconsistentSpec, 6, 12), (error.Code, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Path_does_not_apply_to_the_generator()
    {
        var error = SpecText.SingleError(Model + "data:\n  source: jets\n  path: a.csv\n");

        Assert.Equal(DiagnosticCodes.InconsistentSpec, error.Code);
        Assert.Contains("'data.path' does not apply to source 'jets'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Globs_expand_in_ordinal_order_and_once_per_file()
    {
        Directory.CreateDirectory(Path.Combine(directory, "train", "more"));
        foreach (var name in new[] { "b.h5", "a.h5", "c.txt", "more/d.h5" })
        {
            File.WriteAllText(Path.Combine(directory, "train", name), string.Empty);
        }

        var location = new SourceSpan("/specs/spec.yaml", 3, 9);
        var set = new DataFileSet([Path.Combine(directory, "train", "b.h5"), Path.Combine(directory, "train", "*.h5"), Path.Combine(directory, "train", "**", "d.h5")], [location, location, location]);

        var files = set.Expand().Select(f => Path.GetRelativePath(directory, f.Path)).ToList();

        Assert.Equal(["train/b.h5", "train/a.h5", "train/more/d.h5"], files);
    }

    [Fact]
    public void Missing_files_and_empty_globs_are_reported_at_their_spec_nodes()
    {
        var first = new SourceSpan("/specs/spec.yaml", 3, 9);
        var second = new SourceSpan("/specs/spec.yaml", 4, 9);
        var set = new DataFileSet([Path.Combine(directory, "none.csv"), Path.Combine(directory, "*.h5")], [first, second]);

        var errors = Assert.Throws<CodesignException>(set.Expand).Diagnostics;

        Assert.Equal([first, second], errors.Select(e => e.Location));
        Assert.All(errors, e => Assert.Equal(DiagnosticCodes.DataFileNotFound, e.Code));
        Assert.Contains("no file matches", errors[1].Message, StringComparison.Ordinal);
    }
}
