namespace Codesign.Sdk.IntegrationTests;

/// <summary>Bad input and broken tools end a build with clear, positioned errors and exit code 1.</summary>
public sealed class DiagnosticsTests : IDisposable
{
    private readonly NnProject project = new();

    public void Dispose() => project.Dispose();

    [Fact]
    public void Bad_spec_value_is_a_positioned_error_with_exit_code_1()
    {
        project.EditSpec("epochs: 2", "epochs: ten");

        var result = project.Build();

        result.AssertFailed();
        Assert.Contains($"{project.SpecPath}(13,11): error CSD0005: 'training.epochs' must be an integer, got 'ten'", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("MSB6006", result.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(project.OutputDirectory));
    }

    [Fact]
    public void Several_spec_errors_are_all_reported()
    {
        project.EditSpec("epochs: 2", "epochs: 0\n  optimiser: adam");

        var result = project.Build();

        result.AssertFailed();
        Assert.Contains("(13,11): error CSD0006:", result.Output, StringComparison.Ordinal);
        Assert.Contains("(14,3): error CSD0004: unknown key 'training.optimiser'; did you mean 'optimizer'?", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_csv_column_is_reported_at_the_spec_node()
    {
        File.WriteAllText(Path.Combine(project.ProjectDirectory, "points.csv"), "x,y,label\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"{i},{i % 7},{i % 2}\n")));
        project.WriteSpec("""
            model:
              layers: [ { units: 4 }, { units: 2 } ]
            data:
              source: csv
              path: points.csv
              features: [x, z]
              label: label
            """);

        var result = project.Build();

        result.AssertFailed();
        Assert.Contains($"{project.SpecPath}(6,17): error CSD0102:", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Tool_crash_becomes_a_normal_build_error()
    {
        var result = project.Build(new Dictionary<string, string> { ["CODESIGN_TEST_CRASH"] = "abort" });

        result.AssertFailed();
        Assert.Contains("error CSD0202: codesign validate crashed with exit code 134 (killed by signal 6, SIGABRT)", result.Output, StringComparison.Ordinal);
        Assert.Contains("Build FAILED.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_tool_is_reported_with_the_property_to_set()
    {
        var result = project.Build("-p:CodesignToolPath=/nonexistent/codesign.dll");

        result.AssertFailed();
        Assert.Contains("error CSD0012: The codesign tool was not found at '/nonexistent/codesign.dll'", result.Output, StringComparison.Ordinal);
    }
}
