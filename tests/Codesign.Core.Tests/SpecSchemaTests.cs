using System.Text.Json.Nodes;
using Codesign.Core.Spec;

namespace Codesign.Core.Tests;

/// <summary>The schema editors use must describe exactly the keys the validator accepts.</summary>
public class SpecSchemaTests
{
    private static readonly JsonNode Schema = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "codesign-spec.schema.json")))!;

    private static string[] Keys(JsonNode node) => node["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();

    private static string[] Sorted(IEnumerable<string> keys) => keys.Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Schema_sections_list_exactly_the_validator_keys()
    {
        Assert.Equal(Sorted(SpecKeys.Root), Keys(Schema));
        Assert.Equal(Sorted(SpecKeys.Model), Keys(Schema["properties"]!["model"]!));
        Assert.Equal(Sorted(SpecKeys.Layer), Keys(Schema["definitions"]!["layer"]!));
        foreach (var part in new[] { "layers", "encoder", "decoder" })
        {
            Assert.Equal("#/definitions/layer", (string)Schema["properties"]!["model"]!["properties"]![part]!["items"]!["$ref"]!);
        }

        Assert.Equal(Sorted(SpecKeys.Data), Keys(Schema["properties"]!["data"]!));
        Assert.Equal(Sorted(SpecKeys.Split), Keys(Schema["properties"]!["data"]!["properties"]!["split"]!));
        Assert.Equal(Sorted(SpecKeys.Training), Keys(Schema["properties"]!["training"]!));
        Assert.Equal(Sorted(SpecKeys.Schedule), Keys(Schema["properties"]!["training"]!["properties"]!["schedule"]!["oneOf"]![1]!));
        Assert.Equal(Sorted(SpecKeys.Precision), Keys(Schema["properties"]!["precision"]!));
        Assert.Equal(Sorted(SpecKeys.Qat), Keys(Schema["properties"]!["qat"]!));
        Assert.Equal(Sorted(SpecKeys.Hessian), Keys(Schema["properties"]!["hessian"]!));
        Assert.Equal(Sorted(SpecKeys.Allocation), Keys(Schema["properties"]!["allocation"]!));
        Assert.Equal(Sorted(SpecKeys.Budget), Keys(Schema["properties"]!["allocation"]!["properties"]!["budgets"]!["items"]!));
        Assert.Equal(Sorted(SpecKeys.Hls), Keys(Schema["properties"]!["hls"]!));
        Assert.Equal(Sorted(SpecKeys.HlsLayer), Keys(Schema["properties"]!["hls"]!["properties"]!["layers"]!["additionalProperties"]!));
    }

    [Fact]
    public void Schema_defaults_match_the_validator_defaults()
    {
        var training = Schema["properties"]!["training"]!["properties"]!;
        Assert.Equal(SpecDefaults.Epochs, (int)training["epochs"]!["default"]!);
        Assert.Equal(SpecDefaults.BatchSize, (int)training["batch_size"]!["default"]!);
        Assert.Equal(SpecDefaults.LearningRate, (double)training["learning_rate"]!["default"]!);
        Assert.Equal(SpecDefaults.Threads, (int)training["threads"]!["default"]!);
        var data = Schema["properties"]!["data"]!["properties"]!;
        Assert.Equal(SpecDefaults.GeneratorSamples, (int)data["samples"]!["default"]!);
        Assert.Equal(SpecDefaults.TestFraction, (double)data["split"]!["properties"]!["test"]!["default"]!);
        Assert.Equal(SpecDefaults.ValidationFraction, (double)data["split"]!["properties"]!["validation"]!["default"]!);
        var hls = Schema["properties"]!["hls"]!["properties"]!;
        Assert.Equal(SpecDefaults.HlsPart, (string)hls["part"]!["default"]!);
        Assert.Equal(SpecDefaults.HlsClockPeriodNs, (double)hls["clock_period"]!["default"]!);
        Assert.Equal(SpecDefaults.CSimulationSamples, (int)hls["csim_samples"]!["default"]!);
        Assert.Equal(SpecDefaults.SynthesisTimeoutMinutes, (int)hls["synthesis_timeout"]!["default"]!);
    }
}
