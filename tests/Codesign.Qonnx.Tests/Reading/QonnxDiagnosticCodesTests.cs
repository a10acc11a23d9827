using System.Reflection;
using Codesign.Core.Diagnostics;

namespace Codesign.Qonnx.Tests.Reading;

/// <summary>The QONNX block of <see cref="DiagnosticCodes"/> is listed in docs/diagnostics.md, and nothing else claims its range.</summary>
public sealed class QonnxDiagnosticCodesTests
{
    [Fact]
    public void Every_csd04xx_code_is_documented_once()
    {
        var codes = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (string)field.GetValue(null)!)
            .Where(code => code.StartsWith("CSD04", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(["CSD0401", "CSD0402", "CSD0403", "CSD0404", "CSD0405"], codes.Order(StringComparer.Ordinal));

        var docs = File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "diagnostics.md"));
        foreach (var code in codes)
        {
            Assert.Single(docs, line => line.StartsWith($"| {code} | qonnx |", StringComparison.Ordinal));
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "docs", "diagnostics.md")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"docs/diagnostics.md not found above {AppContext.BaseDirectory}");
    }
}
