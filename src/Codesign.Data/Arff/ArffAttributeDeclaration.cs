using Codesign.Core.Diagnostics;
using Codesign.Data.Csv;

namespace Codesign.Data.Arff;

/// <summary>
/// Parses the rest of an <c>@ATTRIBUTE name type</c> line. Names may be quoted with ' or " (backslash escapes, as
/// Weka writes them); types are case-insensitive. Nominal values are read with the same field parser as data rows,
/// so a quoted value means the same in the declaration as in a row.
/// </summary>
internal static class ArffAttributeDeclaration
{
    private const string TypeExpectation = "expected NUMERIC, REAL, INTEGER, STRING, DATE or nominal values in braces such as {g,q,w,z,t}";

    /// <param name="position">Index just after the <c>@ATTRIBUTE</c> keyword.</param>
    /// <returns>The attribute, or null after reporting what is wrong with the declaration.</returns>
    public static ArffAttribute? Parse(string line, int position, SourceSpan lineStart, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(diagnostics);
        position = CsvLineParser.SkipBlanks(line, position);
        var nameLocation = At(lineStart, position);
        if (position == line.Length)
        {
            diagnostics.Error(DiagnosticCodes.MalformedRow, nameLocation, $"@ATTRIBUTE needs a name and a type; {TypeExpectation}.");
            return null;
        }

        string name;
        if (CsvLineParser.IsQuote(line[position]))
        {
            var error = CsvLineParser.ReadQuoted(line, ref position, CsvQuoteEscape.Backslash, out name, out var errorColumn);
            if (error is not null)
            {
                diagnostics.Error(DiagnosticCodes.MalformedRow, lineStart with { Column = errorColumn }, $"@ATTRIBUTE name: {error}.");
                return null;
            }
        }
        else
        {
            var start = position;
            while (position < line.Length && !char.IsWhiteSpace(line[position]) && line[position] != '{')
            {
                position++;
            }

            name = line[start..position];
        }

        position = CsvLineParser.SkipBlanks(line, position);
        if (position == line.Length)
        {
            diagnostics.Error(DiagnosticCodes.MalformedRow, At(lineStart, position), $"attribute '{name}' has no type; {TypeExpectation}.");
            return null;
        }

        return line[position] == '{'
            ? ParseNominal(line, position, name, nameLocation, lineStart, diagnostics)
            : ParseKeyword(line, position, name, nameLocation, lineStart, diagnostics);
    }

    private static ArffAttribute? ParseKeyword(string line, int position, string name, SourceSpan nameLocation, SourceSpan lineStart, DiagnosticBag diagnostics)
    {
        var start = position;
        while (position < line.Length && !char.IsWhiteSpace(line[position]))
        {
            position++;
        }

        // DATE may be followed by a format; nothing reads dates as features, so the format is not needed.
        var type = line[start..position];
        ArffAttributeKind? kind = type.ToUpperInvariant() switch
        {
            "NUMERIC" or "REAL" or "INTEGER" => ArffAttributeKind.Numeric,
            "STRING" => ArffAttributeKind.String,
            "DATE" => ArffAttributeKind.Date,
            _ => null,
        };
        if (kind is null)
        {
            var detail = type.Equals("relational", StringComparison.OrdinalIgnoreCase)
                ? "relational attributes are not supported"
                : $"'{type}' is not an ARFF attribute type";
            diagnostics.Error(DiagnosticCodes.MalformedRow, At(lineStart, start), $"attribute '{name}': {detail}; {TypeExpectation}.");
            return null;
        }

        return new ArffAttribute(name, kind.Value, [], nameLocation);
    }

    private static ArffAttribute? ParseNominal(string line, int open, string name, SourceSpan nameLocation, SourceSpan lineStart, DiagnosticBag diagnostics)
    {
        // The last brace closes the list, so a quoted value may itself contain '}'.
        var close = line.LastIndexOf('}');
        if (close < open)
        {
            diagnostics.Error(DiagnosticCodes.MalformedRow, At(lineStart, open), $"the nominal values of attribute '{name}' have no closing '}}'.");
            return null;
        }

        var after = CsvLineParser.SkipBlanks(line, close + 1);
        if (after < line.Length && line[after] != '%')
        {
            diagnostics.Error(DiagnosticCodes.MalformedRow, At(lineStart, after), $"unexpected text after the nominal values of attribute '{name}'.");
            return null;
        }

        var list = line[(open + 1)..close];
        var fields = new List<CsvField>();
        var error = CsvLineParser.Parse(list, fields, out var errorColumn, CsvQuoteEscape.Backslash);
        if (error is not null)
        {
            diagnostics.Error(DiagnosticCodes.MalformedRow, At(lineStart, open + errorColumn), $"nominal values of attribute '{name}': {error}.");
            return null;
        }

        var values = fields.Select(field => field.Text(list)).ToArray();
        var empty = fields.FindIndex(field => field.Value(list).IsEmpty);
        if (empty >= 0)
        {
            diagnostics.Error(DiagnosticCodes.MalformedRow, At(lineStart, open + fields[empty].Column), $"attribute '{name}' declares an empty nominal value; expected a comma-separated list of values.");
            return null;
        }

        return new ArffAttribute(name, ArffAttributeKind.Nominal, values, nameLocation);
    }

    private static SourceSpan At(SourceSpan lineStart, int index) => lineStart with { Column = index + 1 };
}
