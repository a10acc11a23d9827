using Codesign.Core.Diagnostics;
using Codesign.Data.Csv;
using Codesign.Data.FileSources;
using Codesign.Data.Splitting;

namespace Codesign.Data.Arff;

/// <summary>
/// The header of an ARFF file: <c>@RELATION</c>, the <c>@ATTRIBUTE</c> declarations (one per column of the data
/// rows) and the <c>@DATA</c> line after which the rows follow. Keywords are case-insensitive; blank lines and
/// lines starting with % are skipped.
/// </summary>
internal sealed record ArffHeader(string? Relation, IReadOnlyList<ArffAttribute> Attributes, int DataLine)
{
    /// <summary>Reads up to and including the <c>@DATA</c> line; every problem of the header is reported together.</summary>
    public static ArffHeader Read(TextReader reader, string path, ref int lineNumber)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var diagnostics = new DiagnosticBag(FileSourceReader.MaxDiagnostics);
        string? relation = null;
        var attributes = new List<ArffAttribute>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var lastDeclaration = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            var start = CsvLineParser.SkipBlanks(line, 0);
            if (start == line.Length || line[start] == '%')
            {
                continue;
            }

            lastDeclaration = lineNumber;
            var keywordEnd = start;
            while (keywordEnd < line.Length && !char.IsWhiteSpace(line[keywordEnd]))
            {
                keywordEnd++;
            }

            var keyword = line[start..keywordEnd].ToUpperInvariant();
            var lineStart = new SourceSpan(path, lineNumber, 1);
            var at = lineStart with { Column = start + 1 };
            switch (keyword)
            {
                case "@RELATION":
                    relation = line[keywordEnd..].Trim();
                    break;
                case "@ATTRIBUTE":
                    if (ArffAttributeDeclaration.Parse(line, keywordEnd, lineStart, diagnostics) is { } attribute)
                    {
                        if (names.Add(attribute.Name))
                        {
                            attributes.Add(attribute);
                        }
                        else
                        {
                            diagnostics.Error(DiagnosticCodes.MalformedRow, attribute.Location, $"attribute '{attribute.Name}' is declared twice; expected unique attribute names.");
                        }
                    }

                    break;
                case "@DATA":
                    var rest = CsvLineParser.SkipBlanks(line, keywordEnd);
                    if (rest < line.Length && line[rest] != '%')
                    {
                        diagnostics.Error(DiagnosticCodes.MalformedRow, lineStart with { Column = rest + 1 }, "unexpected text after @DATA; the data rows start on the next line.");
                    }

                    if (attributes.Count == 0 && !diagnostics.HasErrors)
                    {
                        diagnostics.Error(DiagnosticCodes.MalformedRow, at, "@DATA comes before any @ATTRIBUTE; expected one @ATTRIBUTE line per column first.");
                    }

                    diagnostics.ThrowIfAny();
                    return new ArffHeader(relation, attributes, lineNumber);
                default:
                    diagnostics.Error(
                        DiagnosticCodes.MalformedRow,
                        at,
                        $"'{Shorten(line[start..keywordEnd])}' is not an ARFF header line; expected @RELATION, @ATTRIBUTE or @DATA (or a % comment).");
                    break;
            }
        }

        if (lastDeclaration == 0)
        {
            throw new CodesignException(
                DiagnosticCodes.TooFewRows,
                SourceSpan.WholeFile(path),
                $"'{path}' is empty: found 0 rows; expected an ARFF header (@RELATION, @ATTRIBUTE lines, @DATA) followed by at least {SplitPlan.MinimumRows} data rows.");
        }

        diagnostics.Error(
            DiagnosticCodes.MalformedRow,
            new SourceSpan(path, lastDeclaration, 1),
            "the ARFF header ends without a @DATA line; expected @DATA after the @ATTRIBUTE lines, then the data rows.");
        diagnostics.ThrowIfAny();
        throw new InvalidOperationException("ThrowIfAny always throws here: an error was just reported.");
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
