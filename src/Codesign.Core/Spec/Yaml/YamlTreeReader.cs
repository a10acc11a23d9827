using Codesign.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Codesign.Core.Spec.Yaml;

/// <summary>Parses YAML text into <see cref="YamlNodeBase"/> trees, turning every failure into a positioned diagnostic.</summary>
internal static class YamlTreeReader
{
    public static YamlNodeBase? Read(string file, string text)
    {
        var parser = new Parser(new StringReader(text));
        var state = new ReaderState(file);
        try
        {
            Expect<StreamStart>(parser, state);
            if (parser.Accept<StreamEnd>(out _))
            {
                return null;
            }

            Expect<DocumentStart>(parser, state);
            var root = parser.Accept<DocumentEnd>(out _) ? null : ReadNode(parser, state);
            Expect<DocumentEnd>(parser, state);
            if (!parser.Accept<StreamEnd>(out _))
            {
                var next = parser.Current!;
                throw new CodesignException(DiagnosticCodes.UnsupportedYamlFeature, Span(file, next.Start, next.End),
                    "a spec holds exactly one YAML document; remove the extra '---' document");
            }

            return root;
        }
        catch (YamlException exception)
        {
            // YamlDotNet reports syntax errors with a mark; its own message names the YAML construct that failed.
            var message = exception.InnerException?.Message is { Length: > 0 } inner && exception.Message.Length == 0
                ? inner
                : StripMarkPrefix(exception.Message);
            throw new CodesignException(DiagnosticCodes.YamlSyntax, Span(file, exception.Start, exception.End), $"invalid YAML: {message}");
        }
        catch (CodesignException)
        {
            throw;
        }
#pragma warning disable CA1031 // Some malformed input makes YamlDotNet's scanner throw without a mark (aaubry/YamlDotNet#541).
        catch (Exception exception)
#pragma warning restore CA1031
        {
            throw new CodesignException(DiagnosticCodes.YamlSyntax, Span(file, state.LastGoodEnd, state.LastGoodEnd),
                $"invalid YAML after this point ({exception.Message.TrimEnd('.')}); look for an unclosed '[', '{{' or quote");
        }
    }

    private static YamlNodeBase ReadNode(IParser parser, ReaderState state)
    {
        var current = parser.Current ?? throw new InvalidOperationException("unexpected end of YAML stream");
        switch (current)
        {
            case AnchorAlias alias:
                parser.MoveNext();
                state.Advance(alias.End);
                return state.Anchors.TryGetValue(alias.Value.Value, out var target)
                    ? target
                    : throw new CodesignException(DiagnosticCodes.YamlSyntax, Span(state.File, alias.Start, alias.End),
                        $"alias '*{alias.Value.Value}' refers to no anchor defined before it");
            case Scalar scalar:
                parser.MoveNext();
                state.Advance(scalar.End);
                return Remember(state, scalar.Anchor, new YamlScalarNode(scalar.Value, scalar.Style == ScalarStyle.Plain,
                    Span(state.File, scalar.Start, scalar.End)));
            case SequenceStart sequenceStart:
                {
                    parser.MoveNext();
                    state.Advance(sequenceStart.End);
                    var items = new List<YamlNodeBase>();
                    while (!parser.Accept<SequenceEnd>(out _))
                    {
                        items.Add(ReadNode(parser, state));
                    }

                    var end = parser.Consume<SequenceEnd>();
                    state.Advance(end.End);
                    return Remember(state, sequenceStart.Anchor, new YamlSequenceNode(items, Span(state.File, sequenceStart.Start, end.End)));
                }

            case MappingStart mappingStart:
                {
                    parser.MoveNext();
                    state.Advance(mappingStart.End);
                    var entries = new List<KeyValuePair<YamlScalarNode, YamlNodeBase>>();
                    var seen = new Dictionary<string, YamlScalarNode>(StringComparer.Ordinal);
                    while (!parser.Accept<MappingEnd>(out _))
                    {
                        var keyNode = ReadNode(parser, state);
                        if (keyNode is not YamlScalarNode key)
                        {
                            throw new CodesignException(DiagnosticCodes.UnsupportedYamlFeature, keyNode.Span,
                                "mapping keys must be plain names, not lists or mappings");
                        }

                        if (seen.TryGetValue(key.Value, out var first))
                        {
                            throw new CodesignException(DiagnosticCodes.DuplicateKey, key.Span,
                                $"duplicate key '{key.Value}' (first defined at line {first.Span.Line}); each key may appear once");
                        }

                        seen.Add(key.Value, key);
                        entries.Add(new(key, ReadNode(parser, state)));
                    }

                    var end = parser.Consume<MappingEnd>();
                    state.Advance(end.End);
                    return Remember(state, mappingStart.Anchor, new YamlMappingNode(entries, Span(state.File, mappingStart.Start, end.End)));
                }

            default:
                throw new CodesignException(DiagnosticCodes.YamlSyntax, Span(state.File, current.Start, current.End),
                    $"unexpected YAML element '{current.GetType().Name}'");
        }
    }

    private static YamlNodeBase Remember(ReaderState state, AnchorName anchor, YamlNodeBase node)
    {
        if (!anchor.IsEmpty)
        {
            state.Anchors[anchor.Value] = node;
        }

        return node;
    }

    private static void Expect<T>(IParser parser, ReaderState state)
        where T : ParsingEvent
    {
        var consumed = parser.Consume<T>();
        state.Advance(consumed.End);
    }

    private static SourceSpan Span(string file, Mark start, Mark end) =>
        new(file, (int)Math.Max(1, start.Line), (int)Math.Max(1, start.Column), (int)Math.Max(1, end.Line), (int)Math.Max(1, end.Column));

    private static string StripMarkPrefix(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the canonical position already says that.
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && marker >= 0 ? message[(marker + 3)..] : message;
    }

    private sealed class ReaderState(string file)
    {
        public string File { get; } = file;

        public Dictionary<string, YamlNodeBase> Anchors { get; } = new(StringComparer.Ordinal);

        public Mark LastGoodEnd { get; private set; } = Mark.Empty;

        public void Advance(Mark end) => LastGoodEnd = end;
    }
}
