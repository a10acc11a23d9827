using System.Text;

namespace Codesign.Data.Csv;

/// <summary>
/// Splits one CSV line into fields: comma separated, whitespace around values trimmed, fields optionally quoted
/// with " or ' (the same character closes the field). Quoted fields cannot span lines: feature tables never need
/// that, and rejecting it keeps every reported line number equal to the line in the user's editor.
/// </summary>
internal static class CsvLineParser
{
    /// <returns>Null on success, otherwise what is wrong, with <paramref name="errorColumn"/> (1-based) set.</returns>
    public static string? Parse(string line, List<CsvField> fields, out int errorColumn, CsvQuoteEscape escape = CsvQuoteEscape.Doubled)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(fields);
        fields.Clear();
        errorColumn = 0;
        var position = 0;
        while (true)
        {
            var fieldStart = position;
            while (position < line.Length && line[position] != ',' && char.IsWhiteSpace(line[position]))
            {
                position++;
            }

            if (position < line.Length && IsQuote(line[position]))
            {
                var quoteColumn = position + 1;
                var error = ReadQuoted(line, ref position, escape, out var value, out errorColumn)
                    ?? ExpectFieldEnd(line, ref position, escape, out errorColumn);
                if (error is not null)
                {
                    return error;
                }

                fields.Add(new CsvField(quoteColumn, 0, 0, value));
            }
            else
            {
                var valueStart = position;
                while (position < line.Length && line[position] != ',')
                {
                    position++;
                }

                var valueEnd = position;
                while (valueEnd > valueStart && char.IsWhiteSpace(line[valueEnd - 1]))
                {
                    valueEnd--;
                }

                // An empty field is reported where it begins: right after the preceding comma.
                var column = (valueEnd > valueStart ? valueStart : fieldStart) + 1;
                fields.Add(new CsvField(column, valueStart, valueEnd - valueStart, null));
            }

            if (position >= line.Length)
            {
                return null;
            }

            position++; // the comma
        }
    }

    public static bool IsQuote(char character) => character is '"' or '\'';

    /// <summary>The index of the first non-blank character at or after <paramref name="position"/>, or the line's length.</summary>
    public static int SkipBlanks(string line, int position)
    {
        ArgumentNullException.ThrowIfNull(line);
        while (position < line.Length && char.IsWhiteSpace(line[position]))
        {
            position++;
        }

        return position;
    }

    /// <summary>
    /// Reads the quoted text that starts at <paramref name="position"/> (on its opening quote) and leaves
    /// <paramref name="position"/> after the closing quote. ARFF's header reads quoted attribute names with it too.
    /// </summary>
    /// <returns>Null on success, otherwise what is wrong, with <paramref name="errorColumn"/> (1-based) set.</returns>
    public static string? ReadQuoted(string line, ref int position, CsvQuoteEscape escape, out string value, out int errorColumn)
    {
        ArgumentNullException.ThrowIfNull(line);
        errorColumn = 0;
        var quote = line[position];
        var quoteColumn = position + 1;
        var text = new StringBuilder();
        position++;
        while (true)
        {
            if (position >= line.Length)
            {
                errorColumn = quoteColumn;
                value = string.Empty;
                return "the quoted field starting here has no closing quote (quoted fields must end on the same line)";
            }

            var character = line[position];
            if (character == quote && escape == CsvQuoteEscape.Doubled && position + 1 < line.Length && line[position + 1] == quote)
            {
                text.Append(quote);
                position += 2;
                continue;
            }

            if (character == quote)
            {
                position++;
                value = text.ToString();
                return null;
            }

            if (character == '\\' && escape == CsvQuoteEscape.Backslash && position + 1 < line.Length)
            {
                text.Append(Unescape(line[position + 1]));
                position += 2;
                continue;
            }

            text.Append(character);
            position++;
        }
    }

    private static string? ExpectFieldEnd(string line, ref int position, CsvQuoteEscape escape, out int errorColumn)
    {
        errorColumn = 0;
        while (position < line.Length && line[position] != ',' && char.IsWhiteSpace(line[position]))
        {
            position++;
        }

        if (position < line.Length && line[position] != ',')
        {
            errorColumn = position + 1;
            var hint = escape == CsvQuoteEscape.Doubled ? "write a quote inside a quoted field twice, as \"\"" : "write a quote inside a quoted field as \\' or \\\"";
            return $"unexpected text after a closing quote; expected a comma or the end of the line ({hint})";
        }

        return null;
    }

    // The escapes Weka's ARFF writer produces; any other escaped character stands for itself.
    private static char Unescape(char escaped) => escaped switch
    {
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        _ => escaped,
    };
}
