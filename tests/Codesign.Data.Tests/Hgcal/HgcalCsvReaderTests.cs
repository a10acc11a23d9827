using System.Globalization;
using Codesign.Core.Diagnostics;
using Codesign.Data.Hgcal;

namespace Codesign.Data.Tests.Hgcal;

public sealed class HgcalCsvReaderTests : IDisposable
{
    private const int Cells = HgcalModuleGeometry.CellCount;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Header(string prefix = "", string suffix = "") =>
        prefix + string.Join(",", Enumerable.Range(0, Cells).Select(c => $"CALQ_{c}")) + suffix;

    /// <summary>A row whose cell c holds <paramref name="charge"/>(c), formatted invariantly.</summary>
    private static string Row(Func<int, string> charge, string prefix = "", string suffix = "") =>
        prefix + string.Join(",", Enumerable.Range(0, Cells).Select(charge)) + suffix;

    private string Write(params string[] lines) => _temp.WriteFile("calq.csv", string.Join("\n", lines) + "\n");

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void Reads_charges_in_CALQ_order_ignoring_other_columns_and_normalises_each_row()
    {
        var path = Write(
            Header("event,", ",wafer"),
            Row(c => c == 3 ? "5" : c == 40 ? "2.5" : "0", "7,", ",12"),
            Row(c => c == 0 ? "1" : "0", "8,", ",12"));

        var modules = HgcalCsvReader.Read(path);

        Assert.Equal(2, modules.ModuleCount);
        Assert.Equal(5f, modules.ChargesOf(0)[3]);
        Assert.Equal(2.5f, modules.ChargesOf(0)[40]);
        Assert.Equal([4f, 1f], modules.NormalizationFactors);
        Assert.Equal(5f / 4, modules.NormalizedOf(0)[3]);
        Assert.Equal(1f, modules.NormalizedOf(1)[0]);
    }

    [Fact]
    public void Columns_may_come_in_any_order()
    {
        var order = Enumerable.Range(0, Cells).Reverse().ToArray();
        var path = Write(
            string.Join(",", order.Select(c => $"CALQ_{c}")),
            string.Join(",", order.Select(c => Text(c + 1))));

        var modules = HgcalCsvReader.Read(path);

        Assert.Equal(Enumerable.Range(1, Cells).Select(c => (float)c), modules.ChargesOf(0).ToArray());
    }

    [Fact]
    public void Rows_without_charge_are_dropped()
    {
        var path = Write(Header(), Row(_ => "0"), Row(c => c == 9 ? "3" : "0"), Row(_ => "0.0"));

        var modules = HgcalCsvReader.Read(path);

        Assert.Equal(1, modules.ModuleCount);
        Assert.Equal(3f, modules.ChargesOf(0)[9]);
    }

    [Fact]
    public void A_file_with_no_charge_at_all_is_too_few_rows()
    {
        var path = Write(Header(), Row(_ => "0"));

        var diagnostic = Errors.Single(() => HgcalCsvReader.Read(path));

        Assert.Equal(DiagnosticCodes.TooFewRows, diagnostic.Code);
        Assert.Contains("none with charge", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_CALQ_columns_are_named_at_the_header()
    {
        var path = Write(Header().Replace("CALQ_7,", string.Empty, StringComparison.Ordinal).Replace(",CALQ_47", string.Empty, StringComparison.Ordinal), "1");

        var diagnostic = Errors.Single(() => HgcalCsvReader.Read(path));

        Assert.Equal(DiagnosticCodes.UnknownColumn, diagnostic.Code);
        Assert.Equal(new SourceSpan(path, 1, 1), diagnostic.Location);
        Assert.Contains("lacks CALQ_7, CALQ_47", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_numeric_and_a_negative_charge_are_reported_at_their_line_and_column()
    {
        var path = Write(
            Header(),
            Row(c => c == 0 ? "1" : "0"),
            Row(c => c == 1 ? "abc" : "1"),
            Row(c => c == 2 ? "-0.5" : "1"));

        var diagnostics = Errors.Of(() => HgcalCsvReader.Read(path));

        Assert.Equal(2, diagnostics.Count);
        Assert.Equal(DiagnosticCodes.BadNumber, diagnostics[0].Code);
        Assert.Equal(new SourceSpan(path, 3, 3), diagnostics[0].Location);
        Assert.Contains("CALQ_1", diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Equal(DiagnosticCodes.BadNumber, diagnostics[1].Code);
        Assert.Equal(new SourceSpan(path, 4, 5), diagnostics[1].Location);
        Assert.Contains("negative", diagnostics[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NaN_is_a_non_finite_value_and_a_short_row_is_malformed()
    {
        var path = Write(Header(), Row(c => c == 0 ? "nan" : "1"), "1,2,3");

        var diagnostics = Errors.Of(() => HgcalCsvReader.Read(path));

        Assert.Equal([DiagnosticCodes.NonFiniteValue, DiagnosticCodes.MalformedRow], diagnostics.Select(d => d.Code));
        Assert.Equal(new SourceSpan(path, 3, 1), diagnostics[1].Location);
    }

    [Fact]
    public void A_missing_file_is_reported_as_such()
    {
        var diagnostic = Errors.Single(() => HgcalCsvReader.Read(_temp.File("absent.csv")));

        Assert.Equal(DiagnosticCodes.DataFileNotFound, diagnostic.Code);
    }

    [Fact]
    public void Generated_modules_survive_a_round_trip_through_the_authors_layout()
    {
        var generated = HgcalModuleGenerator.Generate(50, seed: 3);
        var lines = new List<string> { Header() };
        for (var module = 0; module < generated.ModuleCount; module++)
        {
            var charges = generated.ChargesOf(module).ToArray();
            lines.Add(Row(c => charges[c].ToString("R", CultureInfo.InvariantCulture)));
        }

        var read = HgcalCsvReader.Read(Write([.. lines]));

        Assert.Equal(generated.Charges, read.Charges);
        Assert.Equal(generated.Normalized, read.Normalized);
        Assert.Equal(generated.NormalizationFactors, read.NormalizationFactors);
    }
}
