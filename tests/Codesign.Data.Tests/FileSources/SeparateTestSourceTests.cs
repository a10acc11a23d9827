using Codesign.Core.Diagnostics;
using Codesign.Core.Spec;
using Codesign.Data.Tests.Hdf5;

namespace Codesign.Data.Tests.FileSources;

/// <summary><c>test_path</c>: the test split is read from its own files; the main files give train and validation only.</summary>
public sealed class SeparateTestSourceTests : IDisposable
{
    private static readonly string[] Features = ["j_zlogz", "j_mass_mmdt"];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Jets(string name, int rows, int first) => JetH5Writer.Write(_temp.File(name), JetH5Writer.Jets(rows, first));

    [Fact]
    public void Hdf5_test_files_are_the_test_split_and_the_scaler_sees_only_train()
    {
        var train = Jets("train.h5", 100, first: 0);
        var test = Jets("test.h5", 30, first: 1000);
        var spec = Specs.Hdf5(Specs.Files(train), Features, split: new SplitSpec(0.2, 0, 5), testFiles: Specs.TestFiles(test));

        var prepared = DataPreparer.Prepare(spec);

        var dataset = prepared.Dataset;
        Assert.Equal((80, 20, 30), (dataset.Train.RowCount, dataset.Validation.RowCount, dataset.Test.RowCount));

        // j_mass_mmdt is the row's own number: main rows are 0..99, test rows 1000..1029.
        var mass = (DatasetSplit split) => Enumerable.Range(0, split.RowCount)
            .Select(row => Math.Round((split.Row(row)[1] * prepared.Scaler.Std[1]) + prepared.Scaler.Mean[1]))
            .ToArray();
        Assert.Equal(Enumerable.Range(1000, 30), mass(dataset.Test).Order().Select(value => (int)value));
        Assert.Equal(Enumerable.Range(0, 100), mass(dataset.Train).Concat(mass(dataset.Validation)).Order().Select(value => (int)value));
        Assert.Equal(mass(dataset.Train).Average(), prepared.Scaler.Mean[1], 6);
    }

    [Fact]
    public void Csv_test_files_share_the_class_order_of_the_main_files()
    {
        var main = _temp.WriteFile("main.csv", "x,label\n" + string.Join("\n", Enumerable.Range(0, 20).Select(i => $"{i},{(i % 2 == 0 ? "b" : "c")}")));
        var test = _temp.WriteFile("test.csv", "label,x\n" + string.Join("\n", Enumerable.Range(0, 4).Select(i => $"{(i < 2 ? "a" : "c")},{i}")));
        var spec = Specs.Csv(Specs.Files(main), ["x"], split: new SplitSpec(0, 0, 1), testFiles: Specs.TestFiles(test));

        var source = DataPreparer.LoadSource(spec);
        var prepared = DataPreparer.Prepare(spec);

        Assert.Equal(["a", "b", "c"], source.Main.ClassNames);
        Assert.Equal(source.Main.ClassNames, source.Test!.ClassNames);
        Assert.Equal([0, 0, 2, 2], source.Test.Rows.Labels);
        Assert.Equal((20, 0, 4), (prepared.Dataset.Train.RowCount, prepared.Dataset.Validation.RowCount, prepared.Dataset.Test.RowCount));
        Assert.Equal(24, DataPreparer.Load(spec).RowCount);
    }

    [Fact]
    public void Arff_test_files_use_the_nominal_order_of_the_first_main_file()
    {
        static string Arff(string classes, IEnumerable<string> rows) =>
            string.Join("\n", new[] { "@RELATION r", "@ATTRIBUTE x NUMERIC", $"@ATTRIBUTE class {{{classes}}}", "@DATA" }.Concat(rows));
        var main = _temp.WriteFile("main.arff", Arff("z,w", Enumerable.Range(0, 10).Select(i => $"{i},{(i % 2 == 0 ? "z" : "w")}")));
        var test = _temp.WriteFile("test.arff", Arff("w,z", ["1,w", "2,z"]));

        var source = DataPreparer.LoadSource(Specs.Arff(Specs.Files(main), ["x"], split: new SplitSpec(0, 0, 1), testFiles: Specs.TestFiles(test)));

        Assert.Equal(["z", "w"], source.Main.ClassNames);
        Assert.Equal([1, 0], source.Test!.Rows.Labels);
    }

    [Fact]
    public void A_file_in_both_path_and_test_path_is_refused()
    {
        var train = Jets("a.h5", 20, first: 0);
        Jets("b.h5", 20, first: 100);

        var diagnostic = Errors.Single(() => DataPreparer.Load(Specs.Hdf5(Specs.Files(_temp.File("*.h5")), Features, testFiles: Specs.TestFiles(train))));

        Assert.Equal(DiagnosticCodes.InconsistentSpec, diagnostic.Code);
        Assert.Equal(Specs.TestPathEntryNode(0), diagnostic.Location);
        Assert.Contains(train, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_data_and_test_files_are_reported_together_at_their_entries()
    {
        var present = Jets("a.h5", 20, first: 0);

        var diagnostics = Errors.Of(() => DataPreparer.Load(Specs.Hdf5(
            Specs.Files(present, _temp.File("nope.h5")),
            Features,
            testFiles: Specs.TestFiles(_temp.File("test/*.h5")))));

        Assert.Equal(
            [(DiagnosticCodes.DataFileNotFound, Specs.PathEntryNode(1)), (DiagnosticCodes.DataFileNotFound, Specs.TestPathEntryNode(0))],
            diagnostics.Select(d => (d.Code, d.Location)));
        Assert.Contains("no file matches", diagnostics[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_files_without_rows_are_too_few_rows()
    {
        var test = _temp.WriteFile("test.csv", "x,label\n");
        var main = _temp.WriteFile("main.csv", "x,label\n" + string.Join("\n", Enumerable.Range(0, 20).Select(i => $"{i},a")));

        var diagnostic = Errors.Single(() => DataPreparer.Load(Specs.Csv(Specs.Files(main), ["x"], testFiles: Specs.TestFiles(test))));

        Assert.Equal(DiagnosticCodes.TooFewRows, diagnostic.Code);
        Assert.Equal(new SourceSpan(test, 1, 1), diagnostic.Location);
        Assert.Contains("no data rows", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_in_test_files_are_reported_like_those_in_data_files()
    {
        var train = Jets("train.h5", 20, first: 0);
        var jets = JetH5Writer.Jets(10);
        jets[2, 0] = float.NaN;
        var test = JetH5Writer.Write(_temp.File("test.h5"), jets);

        var diagnostic = Errors.Single(() => DataPreparer.Load(Specs.Hdf5(Specs.Files(train), Features, testFiles: Specs.TestFiles(test))));

        Assert.Equal((DiagnosticCodes.NonFiniteValue, SourceSpan.WholeFile(test)), (diagnostic.Code, diagnostic.Location));
        Assert.Contains("row index 2", diagnostic.Message, StringComparison.Ordinal);
    }
}
