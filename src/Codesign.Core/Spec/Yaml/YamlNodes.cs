using Codesign.Core.Diagnostics;

namespace Codesign.Core.Spec.Yaml;

/// <summary>
/// A positioned YAML tree. We build our own instead of YamlDotNet's representation model so that duplicate keys
/// are reported with both positions and every node, key or value, keeps its start and end mark.
/// </summary>
internal abstract record YamlNodeBase(SourceSpan Span)
{
    public abstract string KindName { get; }
}

internal sealed record YamlScalarNode(string Value, bool IsPlain, SourceSpan Span) : YamlNodeBase(Span)
{
    public override string KindName => "a scalar";

    /// <summary>A plain empty value or <c>~</c>/<c>null</c>, which YAML reads as null.</summary>
    public bool IsNull => IsPlain && (Value.Length == 0 || Value is "~" or "null" or "Null" or "NULL");
}

internal sealed record YamlMappingNode(IReadOnlyList<KeyValuePair<YamlScalarNode, YamlNodeBase>> Entries, SourceSpan Span)
    : YamlNodeBase(Span)
{
    public override string KindName => "a mapping";
}

internal sealed record YamlSequenceNode(IReadOnlyList<YamlNodeBase> Items, SourceSpan Span) : YamlNodeBase(Span)
{
    public override string KindName => "a list";
}
