using Codesign.Bench.Harness;
using Codesign.Data.Jets;

namespace Codesign.Bench.Measures;

/// <summary>
/// Jets per second of <see cref="JetGenerator"/> (particle-level simulation to the 16 features). The generator uses
/// every processor the process may run on; bench/run.sh pins the process to one core with taskset for the per-core rate.
/// </summary>
internal static class JetGeneratorMeasure
{
    public static void Run(Arguments args)
    {
        var rows = args.Integer("rows", 20_000);
        var runs = args.Integer("runs", 5);
        var label = args.Text("label", $"{Environment.ProcessorCount} processors");
        var result = new ResultFile("jets");
        var seed = 7UL;
        var seconds = Stopwatches.Seconds(() => JetGenerator.Generate(rows, seed++), warmups: 1, runs);
        result.Add(Summary.Of($"jet generator, {label}", "jets/s", [.. seconds.Select(s => rows / s)]));
        result.Fact("rows_per_run", rows);
        result.Fact("processors", Environment.ProcessorCount);
        result.Write(args.Text("out", "bench/out/jets.json"));
    }
}
