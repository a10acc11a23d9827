using Codesign.Qonnx.Onnx;
using AttributeType = Codesign.Qonnx.Onnx.AttributeProto.Types.AttributeType;

namespace Codesign.Qonnx.Reading;

/// <summary>
/// Typed attribute access with checks: a wrong type or a repeated name is a diagnostic, never a silent default.
/// Attributes without <c>type</c> (IR version 1 files) are accepted when the expected field is present.
/// </summary>
internal static class OnnxAttributes
{
    public static long Int(LoadedNode node, string name, long fallback, OnnxDiagnostics diagnostics)
    {
        var attribute = Find(node, name, diagnostics);
        if (attribute is null)
        {
            return fallback;
        }

        Expect(node, attribute, AttributeType.Int, attribute.HasI, diagnostics);
        return attribute.I;
    }

    public static double Float(LoadedNode node, string name, double fallback, OnnxDiagnostics diagnostics)
    {
        var attribute = Find(node, name, diagnostics);
        if (attribute is null)
        {
            return fallback;
        }

        Expect(node, attribute, AttributeType.Float, attribute.HasF, diagnostics);
        return attribute.F;
    }

    public static string? String(LoadedNode node, string name, OnnxDiagnostics diagnostics)
    {
        var attribute = Find(node, name, diagnostics);
        if (attribute is null)
        {
            return null;
        }

        Expect(node, attribute, AttributeType.String, attribute.HasS, diagnostics);
        return attribute.S.ToStringUtf8();
    }

    public static long[]? Ints(LoadedNode node, string name, OnnxDiagnostics diagnostics)
    {
        var attribute = Find(node, name, diagnostics);
        if (attribute is null)
        {
            return null;
        }

        Expect(node, attribute, AttributeType.Ints, attribute.Ints.Count > 0, diagnostics);
        return attribute.Ints.ToArray();
    }

    private static AttributeProto? Find(LoadedNode node, string name, OnnxDiagnostics diagnostics)
    {
        AttributeProto? found = null;
        foreach (var attribute in node.Proto.Attribute)
        {
            if (attribute.Name != name)
            {
                continue;
            }

            if (found is not null)
            {
                throw diagnostics.Invalid($"{node.Label} has attribute '{name}' twice");
            }

            found = attribute;
        }

        return found;
    }

    private static void Expect(LoadedNode node, AttributeProto attribute, AttributeType type, bool untypedButPresent, OnnxDiagnostics diagnostics)
    {
        if (attribute.Type != type && !(attribute.Type == AttributeType.Undefined && untypedButPresent))
        {
            throw diagnostics.Invalid($"{node.Label}: attribute '{attribute.Name}' is {attribute.Type.ToString().ToUpperInvariant()}, expected {type.ToString().ToUpperInvariant()}");
        }
    }
}
