using Codesign.Core.Diagnostics;
using Codesign.Core.Graph;
using Codesign.Core.Numerics;
using Codesign.Hls.Project;

namespace Codesign.Hls.Tests.Project;

/// <summary>Names come from a user's spec: none may inject C++ or Tcl, or write outside the project folder.</summary>
public sealed class HostileNameTests
{
    [Theory]
    [InlineData("x\"; [exec rm -rf /]; set y \"")]
    [InlineData("name\nputs pwned")]
    [InlineData("$env(HOME)")]
    [InlineData("a}{b\\c")]
    public void A_hostile_project_name_becomes_a_plain_identifier_and_stays_inside_the_folder(string name)
    {
        using var parent = new TemporaryFolder("hostile");
        var output = parent.Combine("project");
        var project = HlsProjectWriter.Write(TestGraphs.JetTagger(), new HlsSettings { ProjectName = name }, output);

        Assert.True(GraphNames.IsIdentifier(project.Name));
        Assert.Equal(GraphNames.Identifier(name), project.Name);
        Assert.Equal(["project"], Directory.EnumerateFileSystemEntries(parent.Path).Select(Path.GetFileName));
        Assert.All(project.Files, file => Assert.StartsWith(output + Path.DirectorySeparatorChar, Path.GetFullPath(Path.Combine(output, file)), StringComparison.Ordinal));
        var tcl = File.ReadAllText(Path.Combine(output, "project.tcl"));
        Assert.Contains($"set project_name \"{project.Name}\"\n", tcl, StringComparison.Ordinal);
        foreach (var file in project.Files.Where(f => !f.Contains("ap_types", StringComparison.Ordinal) && !f.Contains("nnet_utils", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(Path.Combine(output, file));
            Assert.DoesNotContain("[exec", text, StringComparison.Ordinal);
            Assert.DoesNotContain("pwned", text.Replace("puts_pwned", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.DoesNotContain("$env", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_path_as_project_name_is_refused_and_nothing_is_written()
    {
        using var parent = new TemporaryFolder("path");
        var output = parent.Combine("project");

        // "../../outside" becomes "______outside"; a leading double underscore is reserved in C++.
        var error = Assert.Throws<CodesignException>(() => HlsProjectWriter.Write(TestGraphs.JetTagger(), new HlsSettings { ProjectName = "../../outside" }, output));
        Assert.Equal(DiagnosticCodes.InvalidHlsSetting, error.Diagnostics.Single().Code);
        Assert.Empty(Directory.EnumerateFileSystemEntries(parent.Path));
    }

    [Fact]
    public void Hostile_node_names_reach_generated_comments_only_as_identifiers()
    {
        var graph = new QuantizedGraphBuilder("g", GraphNames.Input, new TensorShape(2))
            .Quant("in */ #include </etc/passwd>\n#define x", new FixedPointFormat(true, 8, 2), "t1")
            .Dense("d\"; [exec id]", 2, 1, new FixedPointFormat(true, 4, 1), [1, -2], new FixedPointFormat(true, 4, 2), [1], "t2")
            .Build();
        using var folder = new TemporaryFolder("nodes");
        var project = HlsProjectWriter.Write(graph, new HlsSettings(), folder.Path);
        foreach (var file in project.Files.Where(f => !f.Contains("ap_types", StringComparison.Ordinal) && !f.Contains("nnet_utils", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(folder.Combine(file));
            Assert.DoesNotContain("*/", text, StringComparison.Ordinal);
            Assert.DoesNotContain("passwd>", text, StringComparison.Ordinal);
            Assert.DoesNotContain("#define x", text, StringComparison.Ordinal);
            Assert.DoesNotContain("[exec", text, StringComparison.Ordinal);
        }

        Assert.Contains("// node 2: dense 'd____exec_id_'", File.ReadAllText(folder.Combine("firmware", "myproject.cpp")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("main")]
    [InlineData("int")]
    [InlineData("input")]
    [InlineData("result_t")]
    [InlineData("config2")]
    [InlineData("__x")]
    [InlineData("   ")]
    public void Project_names_that_clash_with_cpp_or_the_project_are_refused(string name)
    {
        var error = Assert.Throws<CodesignException>(() => Validate(new HlsSettings { ProjectName = name }));
        Assert.Equal(DiagnosticCodes.InvalidHlsSetting, error.Diagnostics.Single().Code);
    }

    [Theory]
    [InlineData("xcvu13p-flga2577-2-e\n")]
    [InlineData("xcvu13p\"; exec ls")]
    [InlineData("[exec ls]")]
    [InlineData("xcvu13p flga2577")]
    [InlineData("")]
    public void Malformed_parts_are_refused(string part)
    {
        var error = Assert.Throws<CodesignException>(() => Validate(new HlsSettings { Part = part }));
        Assert.Equal(DiagnosticCodes.InvalidHlsSetting, error.Diagnostics.Single().Code);
        Assert.Contains("part", error.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xcvu13p-flga2577-2-e")]
    [InlineData("xcu250-figd2104-2L-e")]
    [InlineData("xc7z020clg400-1")]
    public void Real_part_names_pass(string part) => Validate(new HlsSettings { Part = part });

    [Fact]
    public void Every_bad_setting_is_reported_at_once()
    {
        var settings = new HlsSettings
        {
            ProjectName = "class",
            ClockPeriodNs = double.NaN,
            ClockUncertaintyPercent = 150,
            ReuseFactor = 0,
            LayerReuseFactors = new Dictionary<string, int> { ["fc1_relu"] = 2, ["fc2"] = -1 },
        };
        var error = Assert.Throws<CodesignException>(() => Validate(settings));
        Assert.Equal(6, error.Diagnostics.Count);
        Assert.All(error.Diagnostics, d => Assert.Equal(DiagnosticCodes.InvalidHlsSetting, d.Code));
        Assert.Contains(error.Diagnostics, d => d.Message.Contains("'fc1_relu', which is no dense or conv2d layer", StringComparison.Ordinal));
    }

    [Fact]
    public void A_graph_that_does_not_start_by_quantizing_its_input_is_refused()
    {
        var graph = new QuantizedGraphBuilder("g", GraphNames.Input, new TensorShape(2, 2))
            .Reshape("flat", new TensorShape(4))
            .Quant("q", new FixedPointFormat(true, 8, 2))
            .Build();
        using var folder = new TemporaryFolder("unsupported");
        var error = Assert.Throws<CodesignException>(() => HlsProjectWriter.Write(graph, new HlsSettings(), folder.Path));
        Assert.Equal(DiagnosticCodes.UnsupportedHlsGraph, error.Diagnostics[0].Code);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
    }

    private static void Validate(HlsSettings settings) => HlsDesign.Create(TestGraphs.JetTagger(), settings, default);
}
