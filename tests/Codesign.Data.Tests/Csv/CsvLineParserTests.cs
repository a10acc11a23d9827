using Codesign.Data.Csv;

namespace Codesign.Data.Tests.Csv;

public sealed class CsvLineParserTests
{
    private static (string Value, int Column)[] Parse(string line, CsvQuoteEscape escape = CsvQuoteEscape.Doubled)
    {
        var fields = new List<CsvField>();
        var error = CsvLineParser.Parse(line, fields, out _, escape);
        Assert.Null(error);
        return fields.Select(f => (f.Text(line), f.Column)).ToArray();
    }

    [Fact]
    public void Splits_on_commas_trims_and_reports_value_columns()
    {
        Assert.Equal([("a", 1), ("b c", 5), ("", 10), ("d", 11)], Parse("a,  b c ,,d"));
    }

    [Fact]
    public void Quoted_fields_keep_commas_and_unescape_doubled_quotes()
    {
        Assert.Equal([("x, \"y\"", 2), ("", 14), ("z", 18)], Parse(" \"x, \"\"y\"\"\" ,\"\", z"));
    }

    [Fact]
    public void Trailing_comma_means_a_trailing_empty_field()
    {
        Assert.Equal([("1", 1), ("", 3)], Parse("1,"));
    }

    [Theory]
    [InlineData("\"abc", 1)]
    [InlineData("1,\"ab\"c,2", 7)]
    public void Broken_quoting_reports_where(string line, int column)
    {
        var error = CsvLineParser.Parse(line, [], out var errorColumn);

        Assert.NotNull(error);
        Assert.Equal(column, errorColumn);
    }

    [Fact]
    public void Single_quotes_quote_too_and_each_quote_closes_only_its_own_kind()
    {
        Assert.Equal([("g", 1), ("it's \"q\"", 6), ("O'Brien", 19)], Parse("'g', 'it''s \"q\"' ,O'Brien"));
    }

    [Fact]
    public void Backslash_escapes_are_read_in_the_arff_dialect()
    {
        Assert.Equal([("it's", 1), ("a\\b\tc", 10), ("say \"hi\"", 21)], Parse("'it\\'s', 'a\\\\b\\tc', \"say \\\"hi\\\"\"", CsvQuoteEscape.Backslash));
    }

    [Fact]
    public void Quoted_fields_remember_that_they_were_quoted()
    {
        var fields = new List<CsvField>();
        Assert.Null(CsvLineParser.Parse("?,'?'", fields, out _));

        Assert.Equal([false, true], fields.Select(field => field.IsQuoted));
    }
}
