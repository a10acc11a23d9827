using System.Diagnostics;
using System.Globalization;
using Codesign.Bench.Harness;
using Codesign.Training.Hessian;
using Codesign.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Codesign.Bench.Measures;

/// <summary>
/// The Hessian stage's estimators on every dense layer of the jet MLP: Hutchinson's trace with a fixed number of
/// Rademacher probes (tolerance 0, so every probe runs) and power iteration with a fixed number of iterations, on the
/// first <c>batches × batch-size</c> rows, one thread as the stage uses. One run = all layers, gradient graphs included.
/// </summary>
internal static class HessianMeasure
{
    public static void Run(Arguments args)
    {
        var data = BenchData.Load(args.Text("data", "bench/out/data"));
        var probes = args.Integer("probes", 100);
        var iterations = args.Integer("iterations", 20);
        var batchCount = args.Integer("batches", 8);
        var batchSize = args.Integer("batch-size", 512);
        var threads = args.Integer("threads", 1);
        var result = new ResultFile("hessian-ours");
        torch.set_num_threads(threads);
        using var network = new MlpNetwork(data.Spec.Model);
        network.Load(data.Weights);
        network.eval();
        var batches = Batches(data, batchCount, batchSize);
        var blocks = data.Spec.Model.Layers.Select(l => network.NamedState().First(e => e.Name == $"{l.Name}.weight").Tensor).ToList();
        var (traceTimes, eigenTimes, traces, eigenvalues) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        var runs = args.Integer("runs", 5);
        for (var run = -1; run < runs; run++)
        {
            var (trace, eigen) = (0.0, 0.0);
            traces.Clear();
            eigenvalues.Clear();
            foreach (var (index, weight) in blocks.Index())
            {
                var clock = Stopwatch.StartNew();
                using var product = new HessianVectorProduct(network, batches, weight);
                using (var generator = new Generator(1000UL + (ulong)index))
                {
                    traces.Add(HessianTraceEstimator.Estimate(product, generator, 0, probes, probes).Trace);
                }

                trace += clock.Elapsed.TotalSeconds;
                clock.Restart();
                using (var generator = new Generator(2000UL + (ulong)index))
                {
                    eigenvalues.Add(TopEigenvalueEstimator.Estimate(product, generator, 0, iterations).Eigenvalue);
                }

                eigen += clock.Elapsed.TotalSeconds;
            }

            if (run >= 0)
            {
                traceTimes.Add(trace);
                eigenTimes.Add(eigen);
            }
        }

        result.Fact("probes", probes);
        result.Fact("iterations", iterations);
        result.Fact("rows", batchCount * batchSize);
        result.Fact("threads", threads);
        result.Fact("traces", string.Join(' ', traces.Select(t => t.ToString("G5", CultureInfo.InvariantCulture))));
        result.Fact("eigenvalues", string.Join(' ', eigenvalues.Select(t => t.ToString("G5", CultureInfo.InvariantCulture))));
        result.Add(Summary.Of("trace", "s", traceTimes));
        result.Add(Summary.Of("eigenvalue", "s", eigenTimes));
        result.Write(args.Text("out", "bench/out/hessian-ours.json"));
    }

    private static List<(Tensor Features, Tensor Labels)> Batches(BenchData data, int count, int size)
    {
        var width = data.Rows.FeatureCount;
        return [.. Enumerable.Range(0, count).Select(b =>
        {
            var features = torch.tensor(data.Rows.Features.AsSpan(b * size * width, size * width).ToArray(), [size, width]).clone();
            var labels = torch.tensor(data.Rows.Labels.AsSpan(b * size, size).ToArray().Select(l => (long)l).ToArray(), ScalarType.Int64);
            return (features, labels);
        })];
    }
}
