using System.Diagnostics;
using Codesign.Bench.Harness;
using Codesign.Core.Quantized;
using Codesign.Training.Float;
using Codesign.Training.Quantization;

namespace Codesign.Bench.Measures;

/// <summary>
/// Epoch times of float training and QAT through the real trainers (<see cref="FloatTrainer"/>,
/// <see cref="QatTrainer"/>): one run of <c>warmup + measured</c> epochs, each epoch timed between the trainers'
/// progress callbacks. The validation split is empty, so an epoch is the training pass alone, as in the PyTorch script.
/// </summary>
internal static class EpochMeasure
{
    public static void Run(Arguments args)
    {
        var data = BenchData.Load(args.Text("data", "bench/out/data"));
        var mode = args.Text("mode", "qat");
        var threads = args.Integer("threads", 2);
        var batch = args.Integer("batch", 1024);
        var warmup = args.Integer("warmup", 2);
        var measured = args.Integer("runs", 5);
        var result = new ResultFile($"{mode}-epoch-ours");
        var dataset = data.AsDataset(testRows: 1024);
        var epochs = warmup + measured;
        var times = new List<double>();
        var losses = new List<double>();
        var clock = Stopwatch.StartNew();
        void Progress(EpochReport report)
        {
            times.Add(clock.Elapsed.TotalSeconds);
            losses.Add(report.TrainLoss);
            clock.Restart();
        }

        if (mode == "float")
        {
            var training = data.Spec.Training with { Epochs = epochs, BatchSize = batch, Threads = threads };
            clock.Restart();
            FloatTrainer.Train(data.Spec.Model, training, dataset, Progress);
        }
        else
        {
            var qat = data.Spec.Qat with { Settings = data.Spec.Qat.Settings with { Epochs = epochs, BatchSize = batch, Threads = threads } };
            // The first epoch's time includes the range calibration and the range-tracking epoch; warm-up epochs are discarded.
            var trained = QatTrainer.Train(data.Spec.Model, qat, BenchData.Plan, data.Weights, dataset, Progress);
            var modelPath = args.Text("model-out", "");
            if (modelPath.Length > 0)
            {
                QuantizedModelFile.Write(modelPath, trained.Model);
            }
        }

        result.Fact("rows", data.Rows.RowCount);
        result.Fact("batch", batch);
        result.Fact("threads", threads);
        result.Fact("discarded_epochs", warmup);
        result.Fact("losses", string.Join(' ', losses.Select(l => l.ToString("G6", System.Globalization.CultureInfo.InvariantCulture))));
        result.Add(Summary.Of("epoch", "s", times.Skip(warmup).ToList()));
        result.Write(args.Text("out", $"bench/out/{mode}-epoch-ours.json"));
    }
}
