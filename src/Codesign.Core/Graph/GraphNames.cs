using System.Text;

namespace Codesign.Core.Graph;

/// <summary>
/// The tensor and node names of graphs we build: readable, unique, and safe as identifiers in ONNX, C++ and Tcl
/// (ASCII letters, digits and underscores, never starting with a digit). hls4ml's conventions for the ends.
/// </summary>
public static class GraphNames
{
    public const string Input = "global_in";
    public const string Output = "global_out";

    /// <summary>The node of the firmware's table softmax (<c>hls.output: softmax</c>).</summary>
    public const string Softmax = "softmax";

    /// <summary>Names the graph gives its own tensors and nodes, which no layer may take.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal) { Input, Output, Softmax };

    /// <summary>An identifier made from <paramref name="text"/>: other characters become underscores, a leading digit gets a prefix.</summary>
    public static string Identifier(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var identifier = new StringBuilder(text.Length + 6);
        foreach (var c in text)
        {
            identifier.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        return char.IsAsciiDigit(identifier[0]) ? "layer_" + identifier : identifier.ToString();
    }

    /// <summary>True when <paramref name="text"/> is already such an identifier.</summary>
    public static bool IsIdentifier(string text) =>
        !string.IsNullOrEmpty(text) && !char.IsAsciiDigit(text[0]) && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
