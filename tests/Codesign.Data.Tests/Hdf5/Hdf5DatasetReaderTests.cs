using Codesign.Core.Diagnostics;
using Codesign.Core.Spec;
using PureHDF;
using PureHDF.Filters;
using PureHDF.VOL.Native;

namespace Codesign.Data.Tests.Hdf5;

public sealed class Hdf5DatasetReaderTests : IDisposable
{
    private static readonly string[] Features = ["j_zlogz", "j_mass_mmdt"];

    // First and last rows of each file in A_list_and_a_glob_are_read_in_order_and_concatenated.
    private static readonly int[] SetBoundaries = [0, 4, 5, 14, 15, 24];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Write(string name, float[,] jets, string[]? names = null, bool fixedLengthNames = true) =>
        JetH5Writer.Write(_temp.File(name), jets, names, fixedLengthNames);

    private static LabeledSamples Load(DataSpec spec) => DataPreparer.Load(spec);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Reads_features_by_name_and_labels_from_the_one_hot_columns(bool fixedLengthNames)
    {
        var path = Write("jets.h5", JetH5Writer.Jets(20), fixedLengthNames: fixedLengthNames);

        var samples = Load(Specs.Hdf5(Specs.Files(path), Features));

        Assert.Equal(Features, samples.FeatureNames);
        Assert.Equal(["g", "q", "w", "z", "t"], samples.ClassNames);
        Assert.Equal(20, samples.RowCount);
        Assert.Equal([-0.7f, 7f], samples.Rows.Row(7).ToArray());
        Assert.Equal(Enumerable.Range(0, 20).Select(row => row % 5), samples.Rows.Labels);
    }

    [Fact]
    public void Spec_classes_set_the_output_order()
    {
        var path = Write("jets.h5", JetH5Writer.Jets(20));

        var samples = Load(Specs.Hdf5(Specs.Files(path), Features, classes: ["t", "z", "w", "q", "g"]));

        Assert.Equal(["t", "z", "w", "q", "g"], samples.ClassNames);
        Assert.Equal([4, 3, 2, 1, 0, 4], samples.Rows.Labels.Take(6));
    }

    [Fact]
    public void Rows_of_jet_classes_the_spec_leaves_out_are_skipped()
    {
        var path = Write("jets.h5", JetH5Writer.Jets(50));

        var samples = Load(Specs.Hdf5(Specs.Files(path), Features, classes: ["z", "w"]));

        Assert.Equal(["z", "w"], samples.ClassNames);
        Assert.Equal(20, samples.RowCount);
        Assert.Equal([2f, 3f, 7f, 8f], samples.Rows.Features.Where((_, i) => i % 2 == 1).Take(4));
        Assert.Equal([1, 0, 1, 0], samples.Rows.Labels.Take(4));
    }

    [Fact]
    public void Double_precision_jets_and_padded_names_are_read()
    {
        var jets = new double[12, JetH5Writer.Columns.Length];
        for (var row = 0; row < 12; row++)
        {
            jets[row, 0] = row + 0.5;
            jets[row, 3 + (row % 5)] = 1;
        }

        var names = JetH5Writer.Columns.Select(name => name + "  ").ToArray();
        var path = JetH5Writer.Write(new H5File { ["jets"] = jets, ["jetFeatureNames"] = names }, _temp.File("double.h5"));

        var samples = Load(Specs.Hdf5(Specs.Files(path), ["j_mass_mmdt"], split: new(0, 0.1, 1)));

        Assert.Equal(12, samples.RowCount);
        Assert.Equal(3.5f, samples.Rows.Row(3)[0]);
    }

    [Fact]
    public void Chunked_compressed_jets_are_read()
    {
        var dataset = new H5Dataset(JetH5Writer.Jets(300), chunks: [64, 8], datasetCreation: new H5DatasetCreation(Filters: [ShuffleFilter.Id, DeflateFilter.Id]));
        var path = JetH5Writer.Write(new H5File { ["jets"] = dataset, ["jetFeatureNames"] = JetH5Writer.Columns }, _temp.File("deflate.h5"));

        var samples = Load(Specs.Hdf5(Specs.Files(path), Features));

        Assert.Equal(300, samples.RowCount);
        Assert.Equal([-29.9f, 299f], samples.Rows.Row(299).ToArray());
    }

    [Fact]
    public void A_list_and_a_glob_are_read_in_order_and_concatenated()
    {
        Directory.CreateDirectory(_temp.File("train"));
        Write("train/b.h5", JetH5Writer.Jets(10, first: 100));
        Write("train/a.h5", JetH5Writer.Jets(10, first: 0));
        var extra = Write("extra.h5", JetH5Writer.Jets(5, first: 500));

        var samples = Load(Specs.Hdf5(Specs.Files(extra, _temp.File("train/*.h5")), ["j_mass_mmdt"]));

        Assert.Equal(25, samples.RowCount);
        Assert.Equal([500f, 504f, 0f, 9f, 100f, 109f], [.. SetBoundaries.Select(row => samples.Rows.Row(row)[0])]);
    }

    [Fact]
    public void Missing_feature_is_reported_at_its_spec_node_with_the_file_and_the_available_names()
    {
        var path = Write("jets.h5", JetH5Writer.Jets(20));

        var diagnostic = Errors.Single(() => Load(Specs.Hdf5(Specs.Files(path), ["j_zlogz", "j_mass_mdt"])));

        Assert.Equal(DiagnosticCodes.UnknownColumn, diagnostic.Code);
        Assert.Equal(Specs.FeatureNode(1), diagnostic.Location);
        Assert.Contains($"'jetFeatureNames' of '{path}'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("j_mass_mmdt, j_zlogz, j_pt", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'j_mass_mmdt'?", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_file_of_a_set_must_have_the_features()
    {
        var good = Write("a.h5", JetH5Writer.Jets(20));
        var names = JetH5Writer.Columns.Select(name => name == "j_zlogz" ? "zlogz" : name).ToArray();
        var bad = Write("b.h5", JetH5Writer.Jets(20), names);

        var diagnostic = Errors.Single(() => Load(Specs.Hdf5(Specs.Files(good, bad), Features)));

        Assert.Equal(DiagnosticCodes.UnknownColumn, diagnostic.Code);
        Assert.Equal(Specs.FeatureNode(0), diagnostic.Location);
        Assert.Contains(bad, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Class_without_its_one_hot_column_is_reported_at_the_classes()
    {
        var path = Write("jets.h5", JetH5Writer.Jets(20));

        var diagnostic = Errors.Single(() => Load(Specs.Hdf5(Specs.Files(path), Features, classes: ["g", "b"])));

        Assert.Equal(DiagnosticCodes.UnknownColumn, diagnostic.Code);
        Assert.Equal(Specs.ClassesNode, diagnostic.Location);
        Assert.Contains("'j_b'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 1f, 1f, 0f, 0f, 0f }, "2 of the one-hot columns")]
    [InlineData(new[] { 0f, 0f, 0f, 0f, 0f }, "0 of the one-hot columns")]
    [InlineData(new[] { 0f, 0.5f, 0f, 0f, 0f }, "'j_q' is 0.5")]
    public void Rows_that_are_not_one_hot_are_bad_labels_with_the_row_index(float[] oneHot, string fragment)
    {
        var jets = JetH5Writer.Jets(20);
        for (var i = 0; i < oneHot.Length; i++)
        {
            jets[13, 3 + i] = oneHot[i];
        }

        var path = Write("jets.h5", jets);

        var diagnostic = Errors.Single(() => Load(Specs.Hdf5(Specs.Files(path), Features)));

        Assert.Equal(DiagnosticCodes.BadLabel, diagnostic.Code);
        Assert.Equal(SourceSpan.WholeFile(path), diagnostic.Location);
        Assert.Contains($"row index 13 of '{path}'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(float.NaN, "NaN")]
    [InlineData(float.PositiveInfinity, "Infinity")]
    public void Non_finite_features_are_reported_with_the_row_index(float value, string text)
    {
        var jets = JetH5Writer.Jets(20);
        jets[4, 1] = value;
        jets[9, 1] = value;
        jets[9, 2] = value; // j_pt is not a selected feature: not reported
        var path = Write("jets.h5", jets);

        var diagnostics = Errors.Of(() => Load(Specs.Hdf5(Specs.Files(path), Features)));

        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticCodes.NonFiniteValue, d.Code));
        Assert.All(diagnostics, d => Assert.Equal(SourceSpan.WholeFile(path), d.Location));
        Assert.Contains("row index 4", diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains($"column 'j_zlogz': {text}", diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("row index 9", diagnostics[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_dimensional_jets_are_the_wrong_shape()
    {
        var path = JetH5Writer.Write(new H5File { ["jets"] = new float[] { 1, 2, 3 }, ["jetFeatureNames"] = JetH5Writer.Columns }, _temp.File("flat.h5"));

        var diagnostic = Errors.Single(() => Load(Specs.Hdf5(Specs.Files(path), Features)));

        Assert.Equal(DiagnosticCodes.MalformedRow, diagnostic.Code);
        Assert.Equal(SourceSpan.WholeFile(path), diagnostic.Location);
        Assert.Contains("wrong shape: 'jets' has shape (3)", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Column_count_differing_from_the_names_is_the_wrong_shape()
    {
        var path = Write("jets.h5", JetH5Writer.Jets(20), JetH5Writer.Columns[..^1]);

        var diagnostic = Errors.Single(() => Load(Specs.Hdf5(Specs.Files(path), Features)));

        Assert.Equal(DiagnosticCodes.MalformedRow, diagnostic.Code);
        Assert.Contains("wrong shape: 'jets' has 8 columns but 'jetFeatureNames' names 7", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jets")]
    [InlineData("jetFeatureNames")]
    public void Missing_dataset_is_reported_at_the_file(string missing)
    {
        var file = new H5File { ["jets"] = JetH5Writer.Jets(20), ["jetFeatureNames"] = JetH5Writer.Columns };
        file.Remove(missing);
        var path = JetH5Writer.Write(file, _temp.File("partial.h5"));

        var diagnostic = Errors.Single(() => Load(Specs.Hdf5(Specs.Files(path), Features)));

        Assert.Equal(DiagnosticCodes.MalformedRow, diagnostic.Code);
        Assert.Equal(SourceSpan.WholeFile(path), diagnostic.Location);
        Assert.Contains($"there is no dataset '{missing}'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_where_the_jets_belong_is_reported()
    {
        var path = JetH5Writer.Write(new H5File { ["jets"] = new H5Group(), ["jetFeatureNames"] = JetH5Writer.Columns }, _temp.File("group.h5"));

        var diagnostic = Errors.Single(() => Load(Specs.Hdf5(Specs.Files(path), Features)));

        Assert.Equal(DiagnosticCodes.MalformedRow, diagnostic.Code);
        Assert.Contains("'jets' is a group, not a dataset", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_that_are_not_strings_and_jets_that_are_not_floats_are_reported()
    {
        var numericNames = JetH5Writer.Write(new H5File { ["jets"] = JetH5Writer.Jets(20), ["jetFeatureNames"] = new int[8] }, _temp.File("names.h5"));
        var integerJets = JetH5Writer.Write(new H5File { ["jets"] = new int[20, 8], ["jetFeatureNames"] = JetH5Writer.Columns }, _temp.File("ints.h5"));

        var diagnostics = Errors.Of(() => Load(Specs.Hdf5(Specs.Files(numericNames, integerJets), Features)));

        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticCodes.MalformedRow, d.Code));
        Assert.Contains("expected strings", diagnostics.Single(d => d.Location.File == numericNames).Message, StringComparison.Ordinal);
        Assert.Contains("expected 32- or 64-bit floats", diagnostics.Single(d => d.Location.File == integerJets).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_file_is_not_a_readable_hdf5_file()
    {
        var path = Write("jets.h5", JetH5Writer.Jets(2_000));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var diagnostic = Errors.Single(() => Load(Specs.Hdf5(Specs.Files(path), Features)));

        Assert.Equal(DiagnosticCodes.MalformedRow, diagnostic.Code);
        Assert.Equal(SourceSpan.WholeFile(path), diagnostic.Location);
        Assert.Contains("is not a readable HDF5 file", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_cut_of_a_valid_file_crashes_the_reader()
    {
        var path = Write("jets.h5", JetH5Writer.Jets(50));
        var bytes = File.ReadAllBytes(path);
        var cut = _temp.File("cut.h5");

        for (var length = 0; length < bytes.Length; length += 7)
        {
            File.WriteAllBytes(cut, bytes[..length]);

            var exception = Record.Exception(() => Load(Specs.Hdf5(Specs.Files(cut), Features, split: new(0, 0, 1))));

            // Either PureHDF still finds every byte it needs (the tail can be padding) or the cut is reported.
            if (exception is not null)
            {
                var diagnostic = Assert.Single(Assert.IsType<CodesignException>(exception).Diagnostics);
                Assert.Equal(SourceSpan.WholeFile(cut), diagnostic.Location);
            }
        }
    }

    [Fact]
    public void Text_file_is_not_a_readable_hdf5_file()
    {
        var path = _temp.WriteFile("jets.h5", string.Join("\n", Enumerable.Repeat("j_zlogz,j_mass_mmdt,class", 20)));

        var diagnostic = Errors.Single(() => Load(Specs.Hdf5(Specs.Files(path), Features)));

        Assert.Equal(DiagnosticCodes.MalformedRow, diagnostic.Code);
        Assert.Contains("is not a readable HDF5 file", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_few_rows_is_reported_at_the_file()
    {
        var path = Write("jets.h5", JetH5Writer.Jets(9));

        var diagnostic = Errors.Single(() => Load(Specs.Hdf5(Specs.Files(path), Features)));

        Assert.Equal(DiagnosticCodes.TooFewRows, diagnostic.Code);
        Assert.Equal(SourceSpan.WholeFile(path), diagnostic.Location);
        Assert.Contains("found 9 rows", diagnostic.Message, StringComparison.Ordinal);
    }
}
