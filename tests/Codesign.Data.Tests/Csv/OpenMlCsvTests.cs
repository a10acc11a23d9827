using System.Globalization;
using Codesign.Core.Diagnostics;
using Codesign.Core.Spec;

namespace Codesign.Data.Tests.Csv;

/// <summary>CSV as OpenML exports hls4ml_lhc_jets_hlf, read through the <c>openml-csv</c> preset, one file or several.</summary>
public sealed class OpenMlCsvTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>
    /// The 16 features plus <c>class</c>; in row n feature f is n + f/100 written like "3.0" when whole, and the
    /// class is g, q, w, z, t in turn, quoted with <paramref name="quote"/>.
    /// </summary>
    private string WriteOpenMlCsv(string name, int rows, int first = 0, string quote = "'", IReadOnlyList<string>? header = null)
    {
        var lines = new List<string> { string.Join(",", header ?? [.. JetDataCatalog.FeatureNames, "class"]) };
        for (var row = first; row < first + rows; row++)
        {
            var values = Enumerable.Range(0, 16).Select(f => (row + (f / 100.0)).ToString("0.0##", CultureInfo.InvariantCulture));
            lines.Add(string.Join(",", values) + $",{quote}{JetDataCatalog.ClassNames[row % 5]}{quote}");
        }

        return _temp.WriteFile(name, string.Join("\n", lines) + "\n");
    }

    [Theory]
    [InlineData("'")]
    [InlineData("\"")]
    [InlineData("")]
    public void OpenMl_export_round_trips_with_any_class_quoting(string quote)
    {
        var path = WriteOpenMlCsv("jets.csv", 20, quote: quote);

        var samples = DataPreparer.Load(Specs.OpenMlCsv(Specs.Files(path)));

        Assert.Equal(JetDataCatalog.FeatureNames, samples.FeatureNames);
        Assert.Equal(JetDataCatalog.ClassNames, samples.ClassNames);
        Assert.Equal(20, samples.RowCount);
        Assert.Equal(7f, samples.Rows.Row(7)[0]);
        Assert.Equal(7.15f, samples.Rows.Row(7)[15]);
        Assert.Equal(Enumerable.Range(0, 20).Select(row => row % 5), samples.Rows.Labels);
    }

    [Fact]
    public void A_list_and_a_glob_are_concatenated_in_order()
    {
        Directory.CreateDirectory(_temp.File("more"));
        var first = WriteOpenMlCsv("first.csv", 10, first: 100);
        WriteOpenMlCsv("more/b.csv", 5, first: 300);
        WriteOpenMlCsv("more/a.csv", 5, first: 200, quote: "\"");

        var samples = DataPreparer.Load(Specs.OpenMlCsv(Specs.Files(first, _temp.File("more/*.csv"))));

        Assert.Equal(20, samples.RowCount);
        Assert.Equal([100f, 109f, 200f, 204f, 300f, 304f], [.. Rows(samples, 0, 9, 10, 14, 15, 19)]);
        Assert.Equal([0, 4, 0, 4, 0, 4], [.. Labels(samples, 0, 9, 10, 14, 15, 19)]);
    }

    [Fact]
    public void Files_may_order_their_columns_differently()
    {
        var reordered = new List<string>(["class", .. JetDataCatalog.FeatureNames]);
        var lines = new List<string> { string.Join(",", reordered) };
        lines.AddRange(Enumerable.Range(0, 10).Select(row => $"'t',{string.Join(",", Enumerable.Repeat("5.0", 16))}"));
        var second = _temp.WriteFile("second.csv", string.Join("\n", lines));
        var first = WriteOpenMlCsv("first.csv", 10);

        var samples = DataPreparer.Load(Specs.OpenMlCsv(Specs.Files(first, second)));

        Assert.Equal(20, samples.RowCount);
        Assert.Equal(5f, samples.Rows.Row(15)[3]);
        Assert.Equal(4, samples.Rows.Labels[15]);
    }

    [Fact]
    public void Every_file_header_must_have_the_columns_and_each_file_is_named()
    {
        var header = JetDataCatalog.FeatureNames.Select(name => name == "j_zlogz" ? "zlogz" : name).Append("class").ToList();
        var good = WriteOpenMlCsv("good.csv", 10);
        var bad1 = WriteOpenMlCsv("bad1.csv", 10, header: header);
        var bad2 = WriteOpenMlCsv("bad2.csv", 10, header: header);

        var diagnostics = Errors.Of(() => DataPreparer.Load(Specs.OpenMlCsv(Specs.Files(good, bad1, bad2))));

        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal((DiagnosticCodes.UnknownColumn, Specs.FeatureNode(0)), (d.Code, d.Location)));
        Assert.Contains($"the header of '{bad1}'", diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains($"the header of '{bad2}'", diagnostics[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_in_a_later_file_are_reported_at_that_file_line_and_column()
    {
        var first = WriteOpenMlCsv("first.csv", 10);
        var second = WriteOpenMlCsv("second.csv", 10);
        var lines = File.ReadAllLines(second);
        lines[3] = lines[3][..(lines[3].LastIndexOf(',') + 1)] + "'b'";
        File.WriteAllLines(second, lines);

        var diagnostic = Errors.Single(() => DataPreparer.Load(Specs.OpenMlCsv(Specs.Files(first, second))));

        Assert.Equal(DiagnosticCodes.BadLabel, diagnostic.Code);
        Assert.Equal(new SourceSpan(second, 4, lines[3].LastIndexOf(',') + 2), diagnostic.Location);
    }

    [Fact]
    public void Too_few_rows_across_files_names_the_set_and_points_at_the_last_row()
    {
        var first = WriteOpenMlCsv("first.csv", 4);
        var second = WriteOpenMlCsv("second.csv", 5);

        var diagnostic = Errors.Single(() => DataPreparer.Load(Specs.OpenMlCsv(Specs.Files(first, second))));

        Assert.Equal(DiagnosticCodes.TooFewRows, diagnostic.Code);
        Assert.Equal(new SourceSpan(second, 6, 1), diagnostic.Location);
        Assert.Contains($"'{first}' and 1 more files have too few data rows", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("found 9 rows", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Undeclared_classes_are_sorted_over_every_file()
    {
        var first = _temp.WriteFile("a.csv", "x,label\n" + string.Join("\n", Enumerable.Range(0, 10).Select(i => $"{i},b")));
        var second = _temp.WriteFile("b.csv", "x,label\n" + string.Join("\n", Enumerable.Range(0, 10).Select(i => $"{i},a")));

        var samples = DataPreparer.Load(Specs.Csv(Specs.Files(first, second), ["x"]));

        Assert.Equal(["a", "b"], samples.ClassNames);
        Assert.Equal([1, 0], [samples.Rows.Labels[0], samples.Rows.Labels[10]]);
    }

    private static IEnumerable<float> Rows(LabeledSamples samples, params int[] rows) => rows.Select(row => samples.Rows.Row(row)[0]);

    private static IEnumerable<int> Labels(LabeledSamples samples, params int[] rows) => rows.Select(row => samples.Rows.Labels[row]);
}
