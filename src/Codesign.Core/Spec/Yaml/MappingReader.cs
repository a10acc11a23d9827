using System.Globalization;
using Codesign.Core.Diagnostics;

namespace Codesign.Core.Spec.Yaml;

/// <summary>
/// Reads typed values out of one YAML mapping, recording a positioned diagnostic for every wrong type, range or
/// unknown key. Each getter returns a usable fallback after an error so validation can go on and report more.
/// </summary>
internal sealed class MappingReader
{
    private readonly YamlMappingNode node;
    private readonly DiagnosticBag diagnostics;
    private readonly HashSet<string> consumed = new(StringComparer.Ordinal);

    public MappingReader(YamlMappingNode node, string section, DiagnosticBag diagnostics)
    {
        this.node = node;
        Section = section;
        this.diagnostics = diagnostics;
    }

    public string Section { get; }

    public SourceSpan Span => node.Span;

    public DiagnosticBag Diagnostics => diagnostics;

    public YamlNodeBase? Find(string key)
    {
        consumed.Add(key);
        foreach (var entry in node.Entries)
        {
            if (entry.Key.Value == key)
            {
                return entry.Value is YamlScalarNode { IsNull: true } ? null : entry.Value;
            }
        }

        return null;
    }

    /// <summary>The keys of this mapping in file order.</summary>
    public IEnumerable<string> Keys => node.Entries.Select(e => e.Key.Value);

    public bool Has(string key) => node.Entries.Any(e => e.Key.Value == key);

    public SourceSpan KeySpan(string key) => node.Entries.FirstOrDefault(e => e.Key.Value == key).Key?.Span ?? node.Span;

    public YamlNodeBase? Required(string key, string what)
    {
        var value = Find(key);
        if (value is null)
        {
            var where = Has(key) ? KeySpan(key) : node.Span;
            diagnostics.Error(DiagnosticCodes.MissingKey, where, $"'{Qualified(key)}' is required: {what}");
        }

        return value;
    }

    public int Integer(string key, int fallback, int min, int max) =>
        Find(key) is { } value ? IntegerValue(value, Qualified(key), fallback, min, max) : fallback;

    public int IntegerValue(YamlNodeBase value, string name, int fallback, int min, int max)
    {
        if (value is not YamlScalarNode { IsPlain: true } scalar ||
            !long.TryParse(scalar.Value.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            diagnostics.Error(DiagnosticCodes.WrongType, value.Span, $"'{name}' must be an integer, got {Describe(value)}");
            return fallback;
        }

        if (parsed < min || parsed > max)
        {
            diagnostics.Error(DiagnosticCodes.OutOfRange, value.Span, $"'{name}' must be between {min} and {max}, got {parsed}");
            return fallback;
        }

        return (int)parsed;
    }

    public ulong Seed(string key, ulong fallback)
    {
        if (Find(key) is not { } value)
        {
            return fallback;
        }

        if (value is not YamlScalarNode { IsPlain: true } scalar ||
            !ulong.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            diagnostics.Error(DiagnosticCodes.WrongType, value.Span, $"'{Qualified(key)}' must be a non-negative integer, got {Describe(value)}");
            return fallback;
        }

        return parsed;
    }

    public double Number(string key, double fallback, double min, double max, bool minExclusive = false) =>
        Find(key) is { } value ? NumberValue(value, Qualified(key), fallback, min, max, minExclusive) : fallback;

    public double NumberValue(YamlNodeBase value, string name, double fallback, double min, double max, bool minExclusive = false)
    {
        if (value is not YamlScalarNode { IsPlain: true } scalar ||
            !double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ||
            !double.IsFinite(parsed))
        {
            diagnostics.Error(DiagnosticCodes.WrongType, value.Span, $"'{name}' must be a finite number, got {Describe(value)}");
            return fallback;
        }

        var tooSmall = minExclusive ? parsed <= min : parsed < min;
        if (tooSmall || parsed > max)
        {
            var lower = minExclusive ? $"greater than {Format(min)}" : $"at least {Format(min)}";
            diagnostics.Error(DiagnosticCodes.OutOfRange, value.Span, $"'{name}' must be {lower} and at most {Format(max)}, got {scalar.Value}");
            return fallback;
        }

        return parsed;
    }

    public bool Boolean(string key, bool fallback)
    {
        if (Find(key) is not { } value)
        {
            return fallback;
        }

        if (value is YamlScalarNode { IsPlain: true } scalar)
        {
            switch (scalar.Value)
            {
                case "true" or "True" or "TRUE":
                    return true;
                case "false" or "False" or "FALSE":
                    return false;
            }
        }

        diagnostics.Error(DiagnosticCodes.WrongType, value.Span, $"'{Qualified(key)}' must be true or false, got {Describe(value)}");
        return fallback;
    }

    public string? Text(string key) => Find(key) is { } value ? TextValue(value, Qualified(key)) : null;

    public string? TextValue(YamlNodeBase value, string name)
    {
        if (value is YamlScalarNode scalar)
        {
            return scalar.Value;
        }

        diagnostics.Error(DiagnosticCodes.WrongType, value.Span, $"'{name}' must be a text value, got {value.KindName}");
        return null;
    }

    public T Choice<T>(string key, T fallback, IReadOnlyDictionary<string, T> choices) =>
        Find(key) is { } value ? ChoiceValue(value, Qualified(key), fallback, choices) : fallback;

    public T ChoiceValue<T>(YamlNodeBase value, string name, T fallback, IReadOnlyDictionary<string, T> choices)
    {
        if (value is YamlScalarNode scalar && choices.TryGetValue(scalar.Value, out var chosen))
        {
            return chosen;
        }

        var typed = value is YamlScalarNode s ? $"'{s.Value}'" : value.KindName;
        var hint = value is YamlScalarNode t ? NameSuggestions.DidYouMean(t.Value, choices.Keys) : string.Empty;
        diagnostics.Error(DiagnosticCodes.InvalidChoice, value.Span,
            $"'{name}' must be one of {string.Join(", ", choices.Keys.Select(k => $"'{k}'"))}, got {typed}{hint}");
        return fallback;
    }

    public YamlSequenceNode? Sequence(string key)
    {
        var value = Find(key);
        if (value is null or YamlSequenceNode)
        {
            return (YamlSequenceNode?)value;
        }

        diagnostics.Error(DiagnosticCodes.WrongType, value.Span, $"'{Qualified(key)}' must be a list, got {Describe(value)}");
        return null;
    }

    public MappingReader? Mapping(string key)
    {
        var value = Find(key);
        if (value is null)
        {
            return null;
        }

        if (value is YamlMappingNode mapping)
        {
            return new MappingReader(mapping, Qualified(key), diagnostics);
        }

        diagnostics.Error(DiagnosticCodes.WrongType, value.Span, $"'{Qualified(key)}' must be a mapping of keys to values, got {Describe(value)}");
        return null;
    }

    public IReadOnlyList<(string Value, SourceSpan Span)> TextList(string key)
    {
        if (Sequence(key) is not { } sequence)
        {
            return [];
        }

        var result = new List<(string, SourceSpan)>();
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (TextValue(sequence.Items[i], $"{Qualified(key)}[{i}]") is { } text)
            {
                result.Add((text, sequence.Items[i].Span));
            }
        }

        return result;
    }

    /// <summary>Reports every key of this mapping that no getter asked for.</summary>
    public void RejectUnknownKeys(IReadOnlyCollection<string> known)
    {
        foreach (var entry in node.Entries)
        {
            if (!consumed.Contains(entry.Key.Value))
            {
                var allowed = known.Count == 0 ? "none" : string.Join(", ", known);
                diagnostics.Error(DiagnosticCodes.UnknownKey, entry.Key.Span,
                    $"unknown key '{Qualified(entry.Key.Value)}'{NameSuggestions.DidYouMean(entry.Key.Value, known)} (allowed here: {allowed})");
            }
        }
    }

    public string Qualified(string key) => Section.Length == 0 ? key : $"{Section}.{key}";

    public static string Describe(YamlNodeBase value) => value switch
    {
        YamlScalarNode { IsNull: true } => "nothing",
        YamlScalarNode scalar => $"'{scalar.Value}'",
        _ => value.KindName,
    };

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
