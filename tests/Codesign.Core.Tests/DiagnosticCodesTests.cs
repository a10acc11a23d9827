using System.Reflection;
using System.Text.RegularExpressions;
using Codesign.Core.Diagnostics;

namespace Codesign.Core.Tests;

public sealed partial class DiagnosticCodesTests
{
    [Fact]
    public void Every_code_is_listed_in_docs_diagnostics_md_and_every_listed_code_exists()
    {
        var declared = DeclaredCodes().Values.ToHashSet(StringComparer.Ordinal);
        var documented = DocumentedRow()
            .Matches(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "diagnostics.md")))
            .Select(match => match.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Empty(declared.Except(documented));
        Assert.Empty(documented.Except(declared));
    }

    [Fact]
    public void No_two_names_share_a_code()
    {
        var shared = DeclaredCodes().GroupBy(pair => pair.Value).Where(group => group.Count() > 1).Select(group => group.Key);

        Assert.Empty(shared);
    }

    private static Dictionary<string, string> DeclaredCodes() =>
        typeof(DiagnosticCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .ToDictionary(field => field.Name, field => (string)field.GetRawConstantValue()!);

    [GeneratedRegex(@"^\| (CSD\d{4}) \|", RegexOptions.Multiline)]
    private static partial Regex DocumentedRow();
}
