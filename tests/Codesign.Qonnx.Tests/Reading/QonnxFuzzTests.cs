using Codesign.Core.Diagnostics;
using Codesign.Qonnx.Execution;
using Codesign.Qonnx.Onnx;
using Codesign.Qonnx.Reading;
using Google.Protobuf;
using Xunit.Abstractions;

namespace Codesign.Qonnx.Tests.Reading;

/// <summary>
/// Seeded mutations of valid files (byte flips, insertions, deletions, truncations, duplicated chunks): the reader
/// either succeeds or throws a CodesignException, never anything else, and never hangs. Files that read are also
/// run once through the float executor under the same rule.
/// </summary>
public sealed class QonnxFuzzTests(ITestOutputHelper output)
{
    /// <summary>CODESIGN_FUZZ_CASES=&lt;n&gt; runs a longer campaign locally (with CODESIGN_FUZZ_SEED to vary it).</summary>
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("CODESIGN_FUZZ_CASES"), out var cases) ? cases : 1500;

    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("CODESIGN_FUZZ_SEED"), out var seed) ? seed : 20_240_601;

    [Fact]
    public async Task Mutated_files_read_or_fail_with_a_codesign_exception()
    {
        var seeds = new[]
        {
            QonnxWriter.Write(ReadingTestGraphs.Mlp()),
            QonnxWriter.Write(ReadingTestGraphs.Cnn()),
            BrevitasStyleFile(),
        };
        var statistics = new Dictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();

        // One overall bound stands in for a per-case one: a hang anywhere fails the test instead of the run.
        var run = Task.Run(() =>
        {
            var random = new Random(Seed);
            for (var i = 0; i < Cases; i++)
            {
                var mutated = Mutate(seeds[i % seeds.Length], random);
                var outcome = Classify(mutated, out var unexpected);
                statistics[outcome] = statistics.GetValueOrDefault(outcome) + 1;
                if (unexpected is not null)
                {
                    failures.Add($"case {i}: {unexpected.GetType().Name}: {unexpected.Message}");
                }
            }
        });
        var bound = TimeSpan.FromSeconds(Math.Max(60, Cases / 25));
        Assert.True(await Task.WhenAny(run, Task.Delay(bound)) == run, $"the fuzz loop did not finish within {bound.TotalSeconds} s");
        await run;

        foreach (var (outcome, count) in statistics.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{outcome}: {count}");
        }

        Assert.Empty(failures);
        Assert.Equal(Cases, statistics.Values.Sum());
        Assert.True(statistics.Keys.Count(key => key.StartsWith("CSD", StringComparison.Ordinal)) >= 2, "mutations should hit more than one diagnostic");
        Assert.True(statistics.GetValueOrDefault("read: representable") > 0, "some mutations (in names or values) should still read");
    }

    [Fact]
    public async Task Structurally_mutated_models_read_or_fail_with_a_codesign_exception()
    {
        var seeds = new[] { QonnxWriter.Build(ReadingTestGraphs.Mlp()), QonnxWriter.Build(ReadingTestGraphs.Cnn()), ModelProto.Parser.ParseFrom(BrevitasStyleFile()) };
        var statistics = new Dictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();
        var run = Task.Run(() =>
        {
            var random = new Random(Seed + 1);
            for (var i = 0; i < Cases; i++)
            {
                var model = seeds[i % seeds.Length].Clone();
                StructuralMutation.Apply(model, random);
                var outcome = Classify(model.ToByteArray(), out var unexpected);
                statistics[outcome] = statistics.GetValueOrDefault(outcome) + 1;
                if (unexpected is not null)
                {
                    failures.Add($"case {i}: {unexpected.GetType().Name}: {unexpected.Message}");
                }
            }
        });
        var bound = TimeSpan.FromSeconds(Math.Max(60, Cases / 25));
        Assert.True(await Task.WhenAny(run, Task.Delay(bound)) == run, $"the fuzz loop did not finish within {bound.TotalSeconds} s");
        await run;

        foreach (var (outcome, count) in statistics.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{outcome}: {count}");
        }

        Assert.Empty(failures);
    }

    private static string Classify(byte[] bytes, out Exception? unexpected)
    {
        unexpected = null;
        try
        {
            var result = QonnxReader.Read(bytes, "fuzz.onnx");
            RunOnce(result);
            return result.IsRepresentable ? "read: representable" : "read: not representable";
        }
        catch (CodesignException exception)
        {
            return exception.Diagnostics[0].Code;
        }
        catch (Exception exception)
        {
            unexpected = exception;
            return "unexpected " + exception.GetType().Name;
        }
    }

    /// <summary>One small batch through the float executor, when the input is small enough to build.</summary>
    private static void RunOnce(QonnxReadResult result)
    {
        OnnxFloatExecutor executor;
        try
        {
            executor = result.CreateFloatExecutor();
        }
        catch (CodesignException)
        {
            return; // e.g. a mutated input shape that is no longer static
        }

        var size = executor.InputSampleShape.Aggregate(1L, (product, dim) => product * dim);
        if (size <= 4096)
        {
            try
            {
                executor.Run(new float[size * 2], 2);
            }
            catch (CodesignException)
            {
                // A mutated dimension can make shapes disagree at run time; that is a diagnostic, not a crash.
            }
        }
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = seed.ToList();
        var edits = random.Next(1, 4);
        for (var edit = 0; edit < edits && bytes.Count > 0; edit++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes.InsertRange(at, Enumerable.Range(0, random.Next(1, 5)).Select(_ => (byte)random.Next(256)));
                    break;
                case 3:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 9), bytes.Count - at));
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return bytes.ToArray();
    }

    private static byte[] BrevitasStyleFile()
    {
        var builder = new ForeignModelBuilder()
            .Input("inp.1", 1, 4)
            .Initializer("fc.weight", [3, 4], [0.3f, -0.7f, 0.1f, 0.9f, -0.2f, 0.4f, 0.6f, -0.8f, 0.05f, 0.5f, -0.5f, 0.25f])
            .Initializer("fc.bias", [3], [0.1f, -0.2f, 0.3f])
            .Quant("Quant_0", "inp.1", "a", [1f / 16], 8)
            .Quant("Quant_1", "fc.weight", "w", [1f / 32], 6, narrow: true)
            .Quant("Quant_2", "fc.bias", "b", [1f / 512], 16)
            .Add("Gemm", "Gemm_3", ["a", "w", "b"], "g", OnnxValues.Int("transB", 1))
            .Quant("Quant_4", "g", "out", [1f / 64], 12)
            .Output("out", 1, 3);
        return builder.Build().ToByteArray();
    }
}
