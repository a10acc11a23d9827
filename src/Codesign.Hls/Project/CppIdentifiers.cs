using Codesign.Core.Graph;

namespace Codesign.Hls.Project;

/// <summary>
/// Whether a name can be emitted into C++ and Tcl as it is. Only ASCII letters, digits and underscores pass (so no
/// quote, bracket, semicolon, dollar, slash or newline can reach a generated file), and names the language or the
/// generated project already uses are refused, so a project name can never shadow a type, a kernel or <c>main</c>.
/// </summary>
internal static class CppIdentifiers
{
    /// <summary>Longer names make unwieldy HLS module names (hls4ml sets <c>config_compile -name_max_length 80</c>).</summary>
    public const int MaxLength = 64;

    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        // C++ keywords and alternative tokens.
        "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break", "case", "catch", "char",
        "char8_t", "char16_t", "char32_t", "class", "compl", "concept", "const", "consteval", "constexpr", "constinit",
        "const_cast", "continue", "co_await", "co_return", "co_yield", "decltype", "default", "delete", "do", "double",
        "dynamic_cast", "else", "enum", "explicit", "export", "extern", "false", "float", "for", "friend", "goto", "if",
        "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not", "not_eq", "nullptr", "operator", "or",
        "or_eq", "private", "protected", "public", "register", "reinterpret_cast", "requires", "return", "short", "signed",
        "sizeof", "static", "static_assert", "static_cast", "struct", "switch", "template", "this", "thread_local", "throw",
        "true", "try", "typedef", "typeid", "typename", "union", "unsigned", "using", "virtual", "void", "volatile",
        "wchar_t", "while", "xor", "xor_eq",

        // Names of the C runtime and of the generated project.
        "main", "std", "nnet", "input", "result", "defines", "parameters",
    };

    public static bool IsUsable(string name) =>
        GraphNames.IsIdentifier(name)
        && name.Length <= MaxLength
        && !Reserved.Contains(name)
        && !name.StartsWith("__", StringComparison.Ordinal) // reserved for the implementation
        && !(name.Length > 1 && name[0] == '_' && char.IsAsciiLetterUpper(name[1]))
        && !IsGeneratedName(name);

    // layer3_t, config2, w4, b4, N_LAYER_2, ...: the generated identifiers all follow these shapes.
    private static bool IsGeneratedName(string name) =>
        name.EndsWith("_t", StringComparison.Ordinal)
        || name.StartsWith("N_", StringComparison.Ordinal)
        || (name.Length > 1 && (name[0] is 'w' or 'b') && name[1..].All(char.IsAsciiDigit))
        || (name.StartsWith("config", StringComparison.Ordinal) && name[6..].All(char.IsAsciiDigit))
        || (name.StartsWith("layer", StringComparison.Ordinal) && name.Contains("_out", StringComparison.Ordinal));
}
