using System.Text.RegularExpressions;
using Codesign.Core.Diagnostics;
using Codesign.Core.Graph;
using Codesign.Core.Spec.Yaml;

namespace Codesign.Core.Spec;

internal static partial class HlsSectionReader
{
    private static readonly Dictionary<string, HlsStrategy> Strategies = new(StringComparer.Ordinal)
    {
        ["latency"] = HlsStrategy.Latency,
        ["resource"] = HlsStrategy.Resource,
    };

    private static readonly Dictionary<string, string> IoTypes = new(StringComparer.Ordinal) { ["io_parallel"] = "io_parallel" };

    private static readonly Dictionary<string, HlsOutput> Outputs = new(StringComparer.Ordinal)
    {
        ["logits"] = HlsOutput.Logits,
        ["softmax"] = HlsOutput.Softmax,
    };

    private static readonly Dictionary<string, SynthesisStepSet> Steps = new(StringComparer.Ordinal)
    {
        ["csim"] = SynthesisStepSet.CSimulation,
        ["csynth"] = SynthesisStepSet.CSynthesis,
        ["cosim"] = SynthesisStepSet.Cosimulation,
        ["export"] = SynthesisStepSet.Export,
        ["vsynth"] = SynthesisStepSet.VivadoSynthesis,
    };

    public static HlsSpec Read(MappingReader? reader, string specName, ModelSpec model, SourceSpan rootSpan)
    {
        var defaults = new HlsSpec(
            GraphNames.Identifier(specName), SpecDefaults.HlsPart, SpecDefaults.HlsClockPeriodNs, "io_parallel", HlsStrategy.Latency, 1,
            new SortedDictionary<string, int>(StringComparer.Ordinal), SpecDefaults.CSimulationSamples, null,
            SynthesisStepSet.CSynthesis, SpecDefaults.SynthesisTimeoutMinutes, rootSpan);
        if (reader is null)
        {
            return defaults;
        }

        var project = reader.Find("project") is { } projectNode ? Project(reader, projectNode) : defaults.Project;
        var part = reader.Find("part") is { } partNode ? Part(reader, partNode) : defaults.Part;
        var clock = reader.Number("clock_period", defaults.ClockPeriodNs, 0.5, 1000);
        var ioType = reader.Choice("io_type", defaults.IoType, IoTypes);
        var strategy = reader.Choice("strategy", defaults.Strategy, Strategies);
        var reuse = reader.Integer("reuse_factor", 1, 1, 4096);
        var layers = LayerReuseFactors(reader, model);
        var samples = reader.Integer("csim_samples", defaults.CSimulationSamples, 1, 10_000_000);
        var vitis = reader.Text("vitis_hls");
        var steps = StepSet(reader);
        var timeout = reader.Integer("synthesis_timeout", defaults.SynthesisTimeoutMinutes, 1, 7 * 24 * 60);
        if (strategy == HlsStrategy.Latency && (reuse > 1 || layers.Count > 0) && reader.Has("reuse_factor"))
        {
            reader.Diagnostics.Error(DiagnosticCodes.InconsistentSpec, reader.KeySpan("reuse_factor"),
                "'hls.reuse_factor' above 1 needs 'hls.strategy: resource'; the latency strategy gives every multiplication its own multiplier");
        }

        var (output, tableSize) = Output(reader, model);
        reader.RejectUnknownKeys(SpecKeys.Hls);
        return new HlsSpec(project, part, clock, ioType, strategy, reuse, layers, samples, vitis, steps, timeout, reader.Span)
        {
            Output = output,
            SoftmaxTableSize = tableSize,
        };
    }

    private static (HlsOutput Output, int TableSize) Output(MappingReader reader, ModelSpec model)
    {
        var output = reader.Choice("output", HlsOutput.Logits, Outputs);
        if (output == HlsOutput.Softmax && model.Task != ModelTask.Classification)
        {
            reader.Diagnostics.Error(DiagnosticCodes.InconsistentSpec, reader.KeySpan("output"),
                "'hls.output: softmax' needs a classifier; this model's hardware part is an encoder, whose outputs are not class scores");
        }

        var tableSize = reader.Integer("softmax_table_size", SoftmaxTables.DefaultTableSize, SoftmaxTables.MinTableSize, SoftmaxTables.MaxTableSize);
        if (reader.Has("softmax_table_size"))
        {
            if (!int.IsPow2(tableSize))
            {
                reader.Diagnostics.Error(DiagnosticCodes.InvalidChoice, reader.KeySpan("softmax_table_size"),
                    $"'hls.softmax_table_size' must be a power of two (the table index is a bit field), got {tableSize}");
            }
            else if (output != HlsOutput.Softmax)
            {
                reader.Diagnostics.Error(DiagnosticCodes.InconsistentSpec, reader.KeySpan("softmax_table_size"),
                    "'hls.softmax_table_size' applies only with 'hls.output: softmax'");
            }
        }

        return (output, tableSize);
    }

    /// <summary>The project name becomes a C++ function and Tcl word, so it must already be an identifier.</summary>
    private static string Project(MappingReader reader, YamlNodeBase node)
    {
        var text = reader.TextValue(node, "hls.project");
        if (text is not null && GraphNames.IsIdentifier(text) && text.Length <= 64)
        {
            return text;
        }

        if (text is not null)
        {
            reader.Diagnostics.Error(DiagnosticCodes.InvalidChoice, node.Span,
                $"'hls.project' must be a C identifier of at most 64 characters (letters, digits, '_', not starting with a digit), got '{text}'; for example '{GraphNames.Identifier(text)}'");
        }

        return "project";
    }

    private static string Part(MappingReader reader, YamlNodeBase node)
    {
        var text = reader.TextValue(node, "hls.part");
        if (text is not null && PartPattern().IsMatch(text))
        {
            return text;
        }

        if (text is not null)
        {
            reader.Diagnostics.Error(DiagnosticCodes.InvalidChoice, node.Span,
                $"'hls.part' must be an FPGA part name such as '{SpecDefaults.HlsPart}' (lower-case letters, digits and '-'), got '{text}'");
        }

        return SpecDefaults.HlsPart;
    }

    private static SortedDictionary<string, int> LayerReuseFactors(MappingReader reader, ModelSpec model)
    {
        var result = new SortedDictionary<string, int>(StringComparer.Ordinal);
        if (reader.Mapping("layers") is not { } layers)
        {
            return result;
        }

        // Only layers that become firmware have a reuse factor: not a decoder's, not flatten or reshape.
        var names = model.HardwareLayers.Where(layer => layer.HasWeights).Select(layer => layer.Name).ToList();
        foreach (var name in layers.Keys)
        {
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                reader.Diagnostics.Error(DiagnosticCodes.UnknownKey, layers.KeySpan(name),
                    $"'hls.layers.{name}' names no layer with weights in the hardware part{NameSuggestions.DidYouMean(name, names)} (layers: {string.Join(", ", names)})");
                _ = layers.Find(name);
                continue;
            }

            if (layers.Mapping(name) is { } layer)
            {
                result[name] = layer.Integer("reuse_factor", 1, 1, 4096);
                layer.RejectUnknownKeys(SpecKeys.HlsLayer);
            }
        }

        layers.RejectUnknownKeys(names);
        return result;
    }

    private static SynthesisStepSet StepSet(MappingReader reader)
    {
        if (!reader.Has("synthesis"))
        {
            return SynthesisStepSet.CSynthesis;
        }

        var steps = SynthesisStepSet.None;
        foreach (var (value, span) in reader.TextList("synthesis"))
        {
            if (Steps.TryGetValue(value, out var step))
            {
                steps |= step;
            }
            else
            {
                reader.Diagnostics.Error(DiagnosticCodes.InvalidChoice, span,
                    $"'hls.synthesis' steps are {string.Join(", ", Steps.Keys.Select(k => $"'{k}'"))}, got '{value}'{NameSuggestions.DidYouMean(value, Steps.Keys)}");
            }
        }

        return steps;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex PartPattern();
}
