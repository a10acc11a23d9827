using Codesign.Core.Diagnostics;
using Codesign.Core.Spec;
using Codesign.Data.FileSources;

namespace Codesign.Data.Tests.Arff;

public sealed class ArffDatasetReaderTests : IDisposable
{
    private static readonly string[] Features = ["j_zlogz", "j_mass_mmdt"];
    private static readonly string[] Classes = ["g", "q", "w", "z", "t"];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>
    /// An ARFF file as OpenML serves it: comments, a header, then <paramref name="rows"/> rows where row n is on
    /// line <see cref="FirstDataLine"/> + n, with j_mass_mmdt = n and class g, q, w, z, t in turn.
    /// </summary>
    private static List<string> OpenMlArff(int rows, Func<int, string>? label = null)
    {
        var lines = new List<string>
        {
            "% hls4ml_lhc_jets_hlf, as served by OpenML",
            "@RELATION hls4ml_lhc_jets_hlf",
            string.Empty,
            "@ATTRIBUTE j_zlogz NUMERIC",
            "@attribute 'j_mass_mmdt' real",
            "@Attribute j_multiplicity INTEGER",
            "@ATTRIBUTE class {g,q,w,z,t}",
            string.Empty,
            "@DATA",
        };
        for (var row = 0; row < rows; row++)
        {
            lines.Add($"{-row / 10.0:0.0##},{row}.0,{row % 7},{(label ?? (n => Classes[n % 5]))(row)}");
        }

        return lines;
    }

    private const int FirstDataLine = 10;

    private string Write(IEnumerable<string> lines, string name = "jets.arff") => _temp.WriteFile(name, string.Join("\n", lines) + "\n");

    private string WithRow(int row, string text, string name = "jets.arff")
    {
        var lines = OpenMlArff(20);
        lines[FirstDataLine - 1 + row] = text;
        return Write(lines, name);
    }

    private static LabeledSamples Load(DataSpec spec) => DataPreparer.Load(spec);

    private static DataSpec Spec(string path, string[]? classes = null, string label = "class", string[]? features = null) =>
        Specs.Arff(Specs.Files(path), features ?? Features, label, classes);

    [Fact]
    public void Reads_features_and_a_nominal_label_whose_declaration_orders_the_classes()
    {
        var path = Write(OpenMlArff(20));

        var samples = Load(Spec(path));

        Assert.Equal(Features, samples.FeatureNames);
        Assert.Equal(Classes, samples.ClassNames);
        Assert.Equal(20, samples.RowCount);
        Assert.Equal([-0.7f, 7f], samples.Rows.Row(7).ToArray());
        Assert.Equal(Enumerable.Range(0, 20).Select(row => row % 5), samples.Rows.Labels);
    }

    [Fact]
    public void Spec_classes_override_the_declaration_order()
    {
        var path = Write(OpenMlArff(20));

        var samples = Load(Spec(path, classes: ["t", "z", "w", "q", "g"]));

        Assert.Equal(["t", "z", "w", "q", "g"], samples.ClassNames);
        Assert.Equal([4, 3, 2, 1, 0], samples.Rows.Labels.Take(5));
    }

    [Fact]
    public void Quoted_names_and_values_comments_and_any_keyword_case_are_read()
    {
        var lines = new List<string>
        {
            "% comment",
            "@relation 'jets with spaces'",
            "  % indented comment",
            "@attribute \"mass (GeV)\" numeric",
            "@ATTRIBUTE 'it\\'s' NUMERIC",
            "@attribute label{'gluon jet', \"top\", w}",
            "@data",
        };
        string[] labels = ["'gluon jet'", "\"top\"", "'w'", "w"];
        lines.AddRange(Enumerable.Range(0, 12).Select(row => $"{row}, '{row * 2}' , {labels[row % 4]}"));
        lines.Insert(9, "% a comment between rows");
        var path = Write(lines);

        var samples = Load(Spec(path, label: "label", features: ["it's", "mass (GeV)"]));

        Assert.Equal(12, samples.RowCount);
        Assert.Equal(["gluon jet", "top", "w"], samples.ClassNames);
        Assert.Equal([6f, 3f], samples.Rows.Row(3).ToArray());
        Assert.Equal([0, 1, 2, 2, 0], samples.Rows.Labels.Take(5));
    }

    [Fact]
    public void Numeric_labels_index_the_spec_classes()
    {
        var path = Write(OpenMlArff(20, row => (row % 5).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(line => line.Replace("{g,q,w,z,t}", "INTEGER", StringComparison.Ordinal)));

        var samples = Load(Spec(path, classes: Classes));

        Assert.Equal(Classes, samples.ClassNames);
        Assert.Equal([0, 1, 2, 3, 4, 0], samples.Rows.Labels.Take(6));
    }

    [Fact]
    public void Numeric_labels_without_spec_classes_sort_numerically()
    {
        string[] values = ["10", "9", "1"];
        var path = Write(OpenMlArff(12, row => values[row % 3])
            .Select(line => line.Replace("{g,q,w,z,t}", "NUMERIC", StringComparison.Ordinal)));

        var samples = Load(Spec(path));

        Assert.Equal(["1", "9", "10"], samples.ClassNames);
        Assert.Equal([2, 1, 0], samples.Rows.Labels.Take(3));
    }

    [Fact]
    public void A_glob_reads_every_file_in_name_order()
    {
        Directory.CreateDirectory(_temp.File("parts"));
        Write(OpenMlArff(10), "parts/2.arff");
        Write(OpenMlArff(15), "parts/1.arff");

        var samples = Load(Specs.Arff(Specs.Files(_temp.File("parts/*.arff")), Features));

        Assert.Equal(25, samples.RowCount);
        Assert.Equal([14f, 0f, 9f], [samples.Rows.Row(14)[1], samples.Rows.Row(15)[1], samples.Rows.Row(24)[1]]);
    }

    [Fact]
    public void Sparse_rows_are_reported_as_unsupported_at_the_brace()
    {
        var path = WithRow(4, "  {0 1.5, 3 g}");

        var diagnostic = Errors.Single(() => Load(Spec(path)));

        Assert.Equal(DiagnosticCodes.MalformedRow, diagnostic.Code);
        Assert.Equal(new SourceSpan(path, FirstDataLine + 4, 3), diagnostic.Location);
        Assert.Contains("sparse ARFF is not supported", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_feature_value_is_a_non_finite_value_at_the_field()
    {
        var path = WithRow(3, "-0.3, ?,3,z");

        var diagnostic = Errors.Single(() => Load(Spec(path)));

        Assert.Equal(DiagnosticCodes.NonFiniteValue, diagnostic.Code);
        Assert.Equal(new SourceSpan(path, FirstDataLine + 3, 7), diagnostic.Location);
        Assert.Contains("'?' is a missing value", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("column 'j_mass_mmdt'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_values_in_columns_the_spec_does_not_read_are_fine()
    {
        var path = WithRow(3, "-0.3,3.0,?,z");

        Assert.Equal(20, Load(Spec(path)).RowCount);
    }

    [Fact]
    public void Missing_label_is_a_bad_label_but_a_quoted_question_mark_is_text()
    {
        var missing = WithRow(5, "0,5,5,?", "missing.arff");
        var quoted = WithRow(6, "0,6,6,'?'", "quoted.arff");

        var missingLabel = Errors.Single(() => Load(Spec(missing)));
        var quotedLabel = Errors.Single(() => Load(Spec(quoted)));

        Assert.Equal(DiagnosticCodes.BadLabel, missingLabel.Code);
        Assert.Equal(new SourceSpan(missing, FirstDataLine + 5, 7), missingLabel.Location);
        Assert.Contains("the label is missing", missingLabel.Message, StringComparison.Ordinal);
        Assert.Equal(DiagnosticCodes.BadLabel, quotedLabel.Code);
        Assert.Contains("label '?' is not one of the declared classes; expected one of g, q, w, z, t.", quotedLabel.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nominal_labels_are_names_not_indices()
    {
        var path = WithRow(2, "0,2,2,3");

        var diagnostic = Errors.Single(() => Load(Spec(path)));

        Assert.Equal(DiagnosticCodes.BadLabel, diagnostic.Code);
        Assert.Contains("label '3'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1,2,3", "3 fields; expected 4 (one per @ATTRIBUTE)", 1)]
    [InlineData("1,'2,3,g", "no closing quote", 3)]
    public void Malformed_rows_are_reported_at_the_line(string row, string fragment, int column)
    {
        var path = WithRow(8, row);

        var diagnostic = Errors.Single(() => Load(Spec(path)));

        Assert.Equal(DiagnosticCodes.MalformedRow, diagnostic.Code);
        Assert.Equal(new SourceSpan(path, FirstDataLine + 8, column), diagnostic.Location);
        Assert.Contains(fragment, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unparsable_number_is_a_bad_number_at_the_field()
    {
        var path = WithRow(1, "abc,1,1,q");

        var diagnostic = Errors.Single(() => Load(Spec(path)));

        Assert.Equal(DiagnosticCodes.BadNumber, diagnostic.Code);
        Assert.Equal(new SourceSpan(path, FirstDataLine + 1, 1), diagnostic.Location);
    }

    [Theory]
    [InlineData(3, "@ATTRIBUTE j_zlogz NUMBER", "'NUMBER' is not an ARFF attribute type", 20)]
    [InlineData(3, "@ATTRIBUTE bag RELATIONAL", "relational attributes are not supported", 16)]
    [InlineData(3, "@ATTRIBUTE j_zlogz", "has no type", 19)]
    [InlineData(3, "@ATTRIBUTE 'j_zlogz NUMERIC", "no closing quote", 12)]
    [InlineData(6, "@ATTRIBUTE class {g,q,w,z,t", "have no closing '}'", 18)]
    [InlineData(6, "@ATTRIBUTE class {g,,w}", "empty nominal value", 21)]
    [InlineData(6, "@ATTRIBUTE class {g,q} extra", "unexpected text after the nominal values", 24)]
    [InlineData(4, "@ATTRIBUTE j_zlogz REAL", "declared twice", 12)]
    [InlineData(2, "j_zlogz NUMERIC", "'j_zlogz' is not an ARFF header line", 1)]
    [InlineData(8, "@DATA now", "unexpected text after @DATA", 7)]
    public void Bad_header_lines_are_malformed_at_the_line(int index, string line, string fragment, int column)
    {
        var lines = OpenMlArff(20);
        lines[index] = line;
        var path = Write(lines);

        var diagnostic = Errors.Single(() => Load(Spec(path)));

        Assert.Equal(DiagnosticCodes.MalformedRow, diagnostic.Code);
        Assert.Equal(new SourceSpan(path, index + 1, column), diagnostic.Location);
        Assert.Contains(fragment, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_without_data_line_is_malformed()
    {
        var path = Write(OpenMlArff(0).Take(7));

        var diagnostic = Errors.Single(() => Load(Spec(path)));

        Assert.Equal(DiagnosticCodes.MalformedRow, diagnostic.Code);
        Assert.Equal(new SourceSpan(path, 7, 1), diagnostic.Location);
        Assert.Contains("without a @DATA line", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_before_any_attribute_is_malformed()
    {
        var path = Write(["@RELATION r", "@DATA", "1,g"]);

        var diagnostic = Errors.Single(() => Load(Spec(path)));

        Assert.Equal(DiagnosticCodes.MalformedRow, diagnostic.Code);
        Assert.Equal(new SourceSpan(path, 2, 1), diagnostic.Location);
    }

    [Fact]
    public void Empty_file_is_too_few_rows()
    {
        var path = Write(["% nothing but a comment", string.Empty]);

        var diagnostic = Errors.Single(() => Load(Spec(path)));

        Assert.Equal(DiagnosticCodes.TooFewRows, diagnostic.Code);
        Assert.Equal(SourceSpan.WholeFile(path), diagnostic.Location);
    }

    [Fact]
    public void Too_few_rows_is_reported_at_the_last_row()
    {
        var path = Write(OpenMlArff(9));

        var diagnostic = Errors.Single(() => Load(Spec(path)));

        Assert.Equal(DiagnosticCodes.TooFewRows, diagnostic.Code);
        Assert.Equal(new SourceSpan(path, FirstDataLine + 8, 1), diagnostic.Location);
        Assert.Contains("found 9 rows", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_attributes_are_reported_at_the_spec_nodes_with_the_declared_ones()
    {
        var path = Write(OpenMlArff(20));

        var diagnostics = Errors.Of(() => Load(Spec(path, label: "Class", features: ["j_zlogz", "j_mass"])));

        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticCodes.UnknownColumn, d.Code));
        Assert.Equal(Specs.FeatureNode(1), diagnostics[0].Location);
        Assert.Contains($"the @ATTRIBUTE declarations of '{path}'", diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("j_zlogz, j_mass_mmdt, j_multiplicity, class", diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Equal(Specs.LabelNode, diagnostics[1].Location);
        Assert.Contains("did you mean 'class'?", diagnostics[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Spec_class_that_the_nominal_label_cannot_take_is_reported_once_at_the_classes()
    {
        var path = Write(OpenMlArff(20));

        var diagnostic = Errors.Single(() => Load(Spec(path, classes: ["g", "q", "W", "z", "t"])));

        Assert.Equal(DiagnosticCodes.BadLabel, diagnostic.Code);
        Assert.Equal(Specs.ClassesNode, diagnostic.Location);
        Assert.Contains("did you mean 'w'?", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_in_several_files_are_reported_together_up_to_the_cap()
    {
        var lines = OpenMlArff(20);
        lines[FirstDataLine + 1] = "?,1,1,g";
        var first = Write(lines, "a.arff");
        var second = Write(OpenMlArff(40).Select((line, i) => i >= FirstDataLine - 1 ? "x,1,1,g" : line), "b.arff");

        var diagnostics = Errors.Of(() => Load(Specs.Arff(Specs.Files(first, second), Features)));

        Assert.Equal(FileSourceReader.MaxDiagnostics, diagnostics.Count);
        Assert.Equal((DiagnosticCodes.NonFiniteValue, first), (diagnostics[0].Code, diagnostics[0].Location.File));
        Assert.All(diagnostics.Skip(1), d => Assert.Equal((DiagnosticCodes.BadNumber, second), (d.Code, d.Location.File)));
    }
}
