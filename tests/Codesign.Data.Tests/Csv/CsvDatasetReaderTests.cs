using Codesign.Core.Diagnostics;
using Codesign.Core.Spec;
using Codesign.Data.Csv;
using Codesign.Data.FileSources;

namespace Codesign.Data.Tests.Csv;

public sealed class CsvDatasetReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Header "a,b,label" then <paramref name="rows"/> valid rows; line n+1 holds row n.</summary>
    private static string ValidCsv(int rows, Func<int, string>? label = null)
    {
        var lines = new List<string> { "a,b,label" };
        for (var i = 0; i < rows; i++)
        {
            lines.Add($"{i},{i * 0.5},{(label ?? (n => n % 2 == 0 ? "g" : "q"))(i)}");
        }

        return string.Join("\n", lines) + "\n";
    }

    private string Write(string content) => _temp.WriteFile("data.csv", content);

    private static LabeledSamples Read(DataSpec spec) => CsvDatasetReader.Read(spec).Main;

    [Fact]
    public void Reads_features_in_spec_order_and_string_labels()
    {
        var path = Write(ValidCsv(12));

        var samples = Read(Specs.Csv(path, ["b", "a"]));

        Assert.Equal(["b", "a"], samples.FeatureNames);
        Assert.Equal(["g", "q"], samples.ClassNames);
        Assert.Equal(12, samples.RowCount);
        Assert.Equal([1.5f, 3f], samples.Rows.Row(3).ToArray());
        Assert.Equal([0, 1, 0, 1], samples.Rows.Labels.Take(4));
    }

    [Fact]
    public void Declared_classes_set_the_output_order()
    {
        var path = Write(ValidCsv(12));

        var samples = Read(Specs.Csv(path, ["a"], classes: ["q", "g"]));

        Assert.Equal(["q", "g"], samples.ClassNames);
        Assert.Equal([1, 0, 1, 0], samples.Rows.Labels.Take(4));
    }

    [Fact]
    public void Integer_labels_index_the_declared_classes()
    {
        var path = Write(ValidCsv(12, i => (i % 3).ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var samples = Read(Specs.Csv(path, ["a"], classes: ["x", "y", "z"]));

        Assert.Equal(["x", "y", "z"], samples.ClassNames);
        Assert.Equal([0, 1, 2, 0], samples.Rows.Labels.Take(4));
    }

    [Fact]
    public void Undeclared_integer_classes_sort_numerically_and_merge_equal_values()
    {
        string[] labels = ["10", "9", "01", "1", "-2"];
        var path = Write(ValidCsv(15, i => labels[i % labels.Length]));

        var samples = Read(Specs.Csv(path, ["a"]));

        Assert.Equal(["-2", "1", "9", "10"], samples.ClassNames);
        Assert.Equal([3, 2, 1, 1, 0], samples.Rows.Labels.Take(5));
    }

    [Fact]
    public void Undeclared_string_classes_sort_ordinally()
    {
        string[] labels = ["top", "W", "gluon", "Z"];
        var path = Write(ValidCsv(12, i => labels[i % labels.Length]));

        var samples = Read(Specs.Csv(path, ["a"]));

        Assert.Equal(["W", "Z", "gluon", "top"], samples.ClassNames);
        Assert.Equal([3, 0, 2, 1], samples.Rows.Labels.Take(4));
    }

    [Fact]
    public void Quoted_fields_whitespace_blank_lines_crlf_and_bom_are_handled()
    {
        var rows = Enumerable.Range(0, 10).Select(i => $"  {i} , \"{i}.25\" ,\"say \"\"hi\"\", {i % 2}\"");
        var content = "\uFEFF\"a\" , \"b, second\",\"label\"\r\n\r\n" + string.Join("\r\n   \r\n", rows) + "\r\n";
        var path = Write(content);

        var samples = Read(Specs.Csv(path, ["b, second", "a"]));

        Assert.Equal(10, samples.RowCount);
        Assert.Equal([7.25f, 7f], samples.Rows.Row(7).ToArray());
        Assert.Equal(["say \"hi\", 0", "say \"hi\", 1"], samples.ClassNames);
    }

    [Fact]
    public void Missing_file_is_reported_at_the_path_node_with_the_resolved_path()
    {
        var path = _temp.File("nope.csv");

        var diagnostic = Errors.Single(() => Read(Specs.Csv(path, ["a"])));

        Assert.Equal(DiagnosticCodes.DataFileNotFound, diagnostic.Code);
        Assert.Equal(Specs.PathNode, diagnostic.Location);
        Assert.Contains(path, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_columns_are_reported_at_their_spec_nodes_with_the_available_columns()
    {
        var path = Write(ValidCsv(12));

        var diagnostics = Errors.Of(() => Read(Specs.Csv(path, ["a", "B", "zzz"], label: "lable")));

        Assert.Equal(3, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticCodes.UnknownColumn, d.Code));
        Assert.Equal(Specs.FeatureNode(1), diagnostics[0].Location);
        Assert.Contains("'B'", diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("a, b, label", diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'b'?", diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Equal(Specs.FeatureNode(2), diagnostics[1].Location);
        Assert.DoesNotContain("did you mean", diagnostics[1].Message, StringComparison.Ordinal);
        Assert.Equal(Specs.LabelNode, diagnostics[2].Location);
        Assert.Contains("did you mean 'label'?", diagnostics[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Row_with_wrong_field_count_is_malformed_at_column_one()
    {
        var lines = ValidCsv(12).Split('\n').ToList();
        lines[4] = "1,2";
        var path = Write(string.Join("\n", lines));

        var diagnostic = Errors.Single(() => Read(Specs.Csv(path, ["a"])));

        Assert.Equal(DiagnosticCodes.MalformedRow, diagnostic.Code);
        Assert.Equal(new SourceSpan(path, 5, 1), diagnostic.Location);
        Assert.Contains("2 fields; expected 3", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unterminated_quote_is_malformed_at_the_quote()
    {
        var lines = ValidCsv(12).Split('\n').ToList();
        lines[2] = "1, \"2,g";
        var path = Write(string.Join("\n", lines));

        var diagnostic = Errors.Single(() => Read(Specs.Csv(path, ["a"])));

        Assert.Equal(DiagnosticCodes.MalformedRow, diagnostic.Code);
        Assert.Equal(new SourceSpan(path, 3, 4), diagnostic.Location);
    }

    [Fact]
    public void Duplicate_header_column_is_malformed_at_the_duplicate()
    {
        var path = Write("a, b ,a\n" + string.Join("\n", Enumerable.Repeat("1,2,3", 12)));

        var diagnostic = Errors.Single(() => Read(Specs.Csv(path, ["b"], label: "a")));

        Assert.Equal(DiagnosticCodes.MalformedRow, diagnostic.Code);
        Assert.Equal(new SourceSpan(path, 1, 7), diagnostic.Location);
    }

    [Theory]
    [InlineData("1,x,g", 3, "'x'")]
    [InlineData("1,   4.2.1 ,g", 6, "'4.2.1'")]
    [InlineData("1,1;5,g", 3, "'1;5'")]
    [InlineData("1,,g", 3, "empty")]
    [InlineData("1,\"\",g", 3, "empty")]
    [InlineData("1,1 000,g", 3, "'1 000'")]
    public void Unparsable_numbers_are_reported_at_the_field(string row, int column, string quoted)
    {
        var lines = ValidCsv(12).Split('\n').ToList();
        lines[6] = row;
        var path = Write(string.Join("\n", lines));

        var diagnostic = Errors.Single(() => Read(Specs.Csv(path, ["a", "b"])));

        Assert.Equal(DiagnosticCodes.BadNumber, diagnostic.Code);
        Assert.Equal(new SourceSpan(path, 7, column), diagnostic.Location);
        Assert.Contains(quoted, diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("column 'b'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nan")]
    [InlineData("NaN")]
    [InlineData("-nan")]
    [InlineData("inf")]
    [InlineData("-INF")]
    [InlineData("+Infinity")]
    [InlineData("infinity")]
    [InlineData("1e999")]
    [InlineData("-1e999")]
    [InlineData("1e39")]
    public void Non_finite_values_are_reported_at_the_field(string value)
    {
        var lines = ValidCsv(12).Split('\n').ToList();
        lines[3] = $"7, {value},q";
        var path = Write(string.Join("\n", lines));

        var diagnostic = Errors.Single(() => Read(Specs.Csv(path, ["a", "b"])));

        Assert.Equal(DiagnosticCodes.NonFiniteValue, diagnostic.Code);
        Assert.Equal(new SourceSpan(path, 4, 4), diagnostic.Location);
    }

    [Theory]
    [InlineData("x", "'x'")]
    [InlineData("3", "index 3")]
    [InlineData("-1", "index -1")]
    [InlineData("", "empty")]
    public void Labels_outside_the_declared_classes_are_reported_at_the_field(string label, string fragment)
    {
        var lines = ValidCsv(12).Split('\n').ToList();
        lines[5] = $"1,2,{label}";
        var path = Write(string.Join("\n", lines));

        var diagnostic = Errors.Single(() => Read(Specs.Csv(path, ["a"], classes: ["g", "q", "w"])));

        Assert.Equal(DiagnosticCodes.BadLabel, diagnostic.Code);
        Assert.Equal(new SourceSpan(path, 6, 5), diagnostic.Location);
        Assert.Contains(fragment, diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("g, q, w", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_problems_are_reported_together_in_file_order()
    {
        var lines = ValidCsv(12).Split('\n').ToList();
        lines[2] = "nan,x,g";
        lines[5] = "1,2";
        lines[8] = "1,2,w";
        var path = Write(string.Join("\n", lines));

        var diagnostics = Errors.Of(() => Read(Specs.Csv(path, ["a", "b"], classes: ["g", "q"])));

        Assert.Equal(
            [
                (DiagnosticCodes.NonFiniteValue, 3, 1),
                (DiagnosticCodes.BadNumber, 3, 5),
                (DiagnosticCodes.MalformedRow, 6, 1),
                (DiagnosticCodes.BadLabel, 9, 5),
            ],
            diagnostics.Select(d => (d.Code, d.Location.Line, d.Location.Column)));
    }

    [Fact]
    public void Reporting_stops_at_the_diagnostic_cap()
    {
        var content = "a,label\n" + string.Join("\n", Enumerable.Repeat("oops,g", 50));
        var path = Write(content);

        var diagnostics = Errors.Of(() => Read(Specs.Csv(path, ["a"])));

        Assert.Equal(FileSourceReader.MaxDiagnostics, diagnostics.Count);
        Assert.Equal(Enumerable.Range(2, FileSourceReader.MaxDiagnostics), diagnostics.Select(d => d.Location.Line));
    }

    [Fact]
    public void Too_few_rows_is_reported_at_the_last_line_with_the_count()
    {
        var path = Write(ValidCsv(9) + "\n\n");

        var diagnostic = Errors.Single(() => Read(Specs.Csv(path, ["a"])));

        Assert.Equal(DiagnosticCodes.TooFewRows, diagnostic.Code);
        Assert.Equal(new SourceSpan(path, 10, 1), diagnostic.Location);
        Assert.Contains("found 9 rows", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_few_rows_when_a_requested_split_would_be_empty()
    {
        var path = Write(ValidCsv(12));

        var diagnostic = Errors.Single(() => Read(Specs.Csv(path, ["a"], split: new(0.2, 0.05, 1))));

        Assert.Equal(DiagnosticCodes.TooFewRows, diagnostic.Code);
        Assert.Equal(new SourceSpan(path, 13, 1), diagnostic.Location);
        Assert.Contains("found 12 rows", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("test 0", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_held_out_splits_need_only_ten_rows()
    {
        var path = Write(ValidCsv(10));

        var samples = Read(Specs.Csv(path, ["a"], split: new(0, 0, 1)));

        Assert.Equal(10, samples.RowCount);
    }

    [Fact]
    public void Empty_file_is_too_few_rows_for_the_whole_file()
    {
        var path = Write("\n  \n");

        var diagnostic = Errors.Single(() => Read(Specs.Csv(path, ["a"])));

        Assert.Equal(DiagnosticCodes.TooFewRows, diagnostic.Code);
        Assert.Equal(SourceSpan.WholeFile(path), diagnostic.Location);
        Assert.Contains("found 0 rows", diagnostic.Message, StringComparison.Ordinal);
    }
}
