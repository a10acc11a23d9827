using System.Globalization;
using System.Text.RegularExpressions;
using Codesign.Core.Diagnostics;
using Codesign.Core.Graph;

namespace Codesign.Hls.Project;

/// <summary>
/// Checks <see cref="HlsSettings"/> against a graph and collects every problem (CSD0504) before failing. Only values
/// that pass are ever written into C++ or Tcl, and they pass only in shapes that need no quoting there.
/// </summary>
internal static partial class HlsSettingsValidator
{
    public const int MaxReuseFactor = 1 << 20;

    /// <summary>The project identifier to use: <see cref="GraphNames.Identifier"/> of the name, then checked.</summary>
    public static string Validate(HlsSettings settings, QuantizedGraph graph, SourceSpan location)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(graph);
        var bag = new DiagnosticBag();
        var name = ProjectIdentifier(settings.ProjectName, bag, location);
        if (settings.Part is null || settings.Part.Length > 64 || !PartPattern().IsMatch(settings.Part))
        {
            bag.Error(DiagnosticCodes.InvalidHlsSetting, location, $"the FPGA part '{settings.Part}' is not a part name (letters, digits and dashes, such as {HlsSettings.DefaultPart})");
        }

        if (!double.IsFinite(settings.ClockPeriodNs) || settings.ClockPeriodNs <= 0 || settings.ClockPeriodNs > 1000)
        {
            bag.Error(DiagnosticCodes.InvalidHlsSetting, location, Invariant($"the clock period must be above 0 and at most 1000 ns, got {settings.ClockPeriodNs}"));
        }

        if (!double.IsFinite(settings.ClockUncertaintyPercent) || settings.ClockUncertaintyPercent < 0 || settings.ClockUncertaintyPercent >= 100)
        {
            bag.Error(DiagnosticCodes.InvalidHlsSetting, location, Invariant($"the clock uncertainty must be between 0 and 100 percent, got {settings.ClockUncertaintyPercent}"));
        }

        if (!Enum.IsDefined(settings.Strategy))
        {
            bag.Error(DiagnosticCodes.InvalidHlsSetting, location, $"unknown strategy {settings.Strategy}");
        }

        CheckReuseFactor("the reuse factor", settings.ReuseFactor, bag, location);
        foreach (var (layer, reuse) in settings.LayerReuseFactors.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var node = graph.Nodes.FirstOrDefault(n => string.Equals(n.Name, layer, StringComparison.Ordinal));
            if (node is not (DenseNode or Conv2dNode))
            {
                var layers = string.Join(", ", graph.Nodes.Where(n => n is DenseNode or Conv2dNode).Select(n => GraphNames.Identifier(n.Name)));
                bag.Error(DiagnosticCodes.InvalidHlsSetting, location, $"a reuse factor is set for '{GraphNames.Identifier(layer)}', which is no dense or conv2d layer of the graph (those are: {layers})");
                continue;
            }

            CheckReuseFactor($"the reuse factor of '{GraphNames.Identifier(layer)}'", reuse, bag, location);
        }

        bag.ThrowIfAny();
        return name;
    }

    private static string ProjectIdentifier(string? projectName, DiagnosticBag bag, SourceSpan location)
    {
        if (string.IsNullOrWhiteSpace(projectName))
        {
            bag.Error(DiagnosticCodes.InvalidHlsSetting, location, "the HLS project name is empty");
            return string.Empty;
        }

        var identifier = GraphNames.Identifier(projectName);
        if (!CppIdentifiers.IsUsable(identifier))
        {
            bag.Error(DiagnosticCodes.InvalidHlsSetting, location, $"the HLS project name gives the identifier '{identifier}', which C++ or the generated project already uses, or which is longer than {CppIdentifiers.MaxLength} characters; choose another name");
        }

        return identifier;
    }

    private static void CheckReuseFactor(string what, int reuse, DiagnosticBag bag, SourceSpan location)
    {
        if (reuse < 1 || reuse > MaxReuseFactor)
        {
            bag.Error(DiagnosticCodes.InvalidHlsSetting, location, Invariant($"{what} must be between 1 and {MaxReuseFactor}, got {reuse}"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // Xilinx part names: a lower-case family word, then dash-separated package, speed and temperature fields
    // (xcvu13p-flga2577-2-e, xcu250-figd2104-2L-e). Nothing here needs quoting in Tcl; \z, not $, so that a
    // trailing newline cannot slip through.
    [GeneratedRegex(@"^[a-z][a-z0-9]*(-[A-Za-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex PartPattern();
}
