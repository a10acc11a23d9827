using Codesign.Core.Diagnostics;
using Codesign.Core.Spec;

namespace Codesign.Core.Tests;

/// <summary>Parses spec text held in a test, as if it came from <c>/specs/spec.yaml</c>.</summary>
internal static class SpecText
{
    public const string FilePath = "/specs/spec.yaml";

    public const string Minimal = """
        model:
          layers:
            - { type: dense, units: 8 }
            - { type: dense, units: 5 }
        data:
          source: jets
          samples: 1000
        """;

    public static CodesignSpec Parse(string yaml) => SpecReader.Parse(FilePath, yaml);

    public static IReadOnlyList<Diagnostic> Errors(string yaml)
    {
        var exception = Assert.Throws<CodesignException>(() => Parse(yaml));
        Assert.NotEmpty(exception.Diagnostics);
        return exception.Diagnostics;
    }

    public static Diagnostic SingleError(string yaml) => Assert.Single(Errors(yaml));
}
