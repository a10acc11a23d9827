using Codesign.Bench.Harness;
using Codesign.Bench.Measures;

// codesign-bench <command> [--option value ...]; bench/run.sh shows every use.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: codesign-bench data|epoch|hessian|executor|jets [--option value ...]");
    return 2;
}

var options = new Arguments(args.Skip(1));
switch (args[0])
{
    case "data":
        BenchData.Create(options.Text("spec", "samples/JetTagger/jet_tagger.yaml"), options.Integer("rows", 160_000), options.Text("out", "bench/out/data"));
        break;
    case "epoch":
        EpochMeasure.Run(options);
        break;
    case "hessian":
        HessianMeasure.Run(options);
        break;
    case "executor":
        ExecutorMeasure.Run(options);
        break;
    case "jets":
        JetGeneratorMeasure.Run(options);
        break;
    default:
        Console.Error.WriteLine($"unknown command '{args[0]}'");
        return 2;
}

return 0;
