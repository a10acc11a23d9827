using System.Text;

namespace Codesign.Data.Csv;

/// <summary>
/// Splits one CSV line into fields: comma separated, whitespace around values trimmed, fields optionally
/// double-quoted with "" standing for a literal quote. Quoted fields cannot span lines: feature tables never need
/// that, and rejecting it keeps every reported line number equal to the line in the user's editor.
/// </summary>
internal static class CsvLineParser
{
    /// <returns>Null on success, otherwise what is wrong, with <paramref name="errorColumn"/> (1-based) set.</returns>
    public static string? Parse(string line, List<CsvField> fields, out int errorColumn)
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

            if (position < line.Length && line[position] == '"')
            {
                var error = ParseQuoted(line, ref position, fields, out errorColumn);
                if (error is not null)
                {
                    return error;
                }
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

    private static string? ParseQuoted(string line, ref int position, List<CsvField> fields, out int errorColumn)
    {
        errorColumn = 0;
        var quoteColumn = position + 1;
        var value = new StringBuilder();
        position++;
        while (true)
        {
            if (position >= line.Length)
            {
                errorColumn = quoteColumn;
                return "the quoted field starting here has no closing quote (quoted fields must end on the same line)";
            }

            var character = line[position];
            if (character == '"')
            {
                if (position + 1 < line.Length && line[position + 1] == '"')
                {
                    value.Append('"');
                    position += 2;
                    continue;
                }

                position++;
                break;
            }

            value.Append(character);
            position++;
        }

        while (position < line.Length && line[position] != ',' && char.IsWhiteSpace(line[position]))
        {
            position++;
        }

        if (position < line.Length && line[position] != ',')
        {
            errorColumn = position + 1;
            return "unexpected text after a closing quote; expected a comma or the end of the line (write a quote inside a quoted field as \"\")";
        }

        fields.Add(new CsvField(quoteColumn, 0, 0, value.ToString()));
        return null;
    }
}
