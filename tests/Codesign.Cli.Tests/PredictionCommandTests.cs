using System.Globalization;

namespace Codesign.Cli.Tests;

/// <summary>
/// <c>codesign qonnx run</c>, <c>qonnx inspect</c> and <c>hls predict</c> on a freshly quantized model: the integer
/// executor, QONNX's float semantics and the compiled firmware must print the same predictions.
/// </summary>
public sealed class PredictionCommandTests : IDisposable
{
    private readonly SpecFolder folder = new(SpecFolder.Spec + "\nprecision: { weights: 6 }\nqat: { epochs: 1 }\n");

    public void Dispose() => folder.Dispose();

    private string Model => Path.Combine(folder.OutputDirectory, "qonnx", "model.onnx");

    private string Inputs()
    {
        var random = new Random(5);
        var path = Path.Combine(folder.Directory, "inputs.csv");
        var lines = new List<string> { string.Join(',', Enumerable.Range(0, 16).Select(i => $"f{i}")) };
        for (var row = 0; row < 200; row++)
        {
            // Many values on a coarse grid, so ties of the input format's rounding occur.
            lines.Add(string.Join(',', Enumerable.Range(0, 16).Select(_ => (Math.Round(((random.NextDouble() * 8) - 4) * 64) / 64).ToString("R", CultureInfo.InvariantCulture))));
        }

        File.WriteAllLines(path, lines);
        return path;
    }

    private static string[] Predictions(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(line => line.Length > 0 && !line.StartsWith('#'))];

    [Fact]
    public void Integer_float_and_firmware_predictions_agree_row_for_row()
    {
        Assert.Equal(0, CodesignRun.Invoke("export", folder.SpecPath).ExitCode);
        var inputs = Inputs();

        var exact = CodesignRun.Invoke("qonnx", "run", Model, inputs);
        var floating = CodesignRun.Invoke("qonnx", "run", "--float", Model, inputs);
        var firmware = CodesignRun.Invoke("hls", "predict", folder.SpecPath, inputs);

        Assert.True(exact.ExitCode == 0, exact.Output);
        Assert.True(firmware.ExitCode == 0, firmware.Output);
        Assert.Contains("# integer reference executor", exact.Output, StringComparison.Ordinal);
        Assert.Equal(201, Predictions(exact.Output).Length);
        Assert.Equal(Predictions(exact.Output), Predictions(floating.Output));
        Assert.Equal(Predictions(exact.Output), Predictions(firmware.Output));
    }

    [Fact]
    public void Inspect_lists_nodes_and_fixed_point_formats()
    {
        Assert.Equal(0, CodesignRun.Invoke("qonnx", "export", folder.SpecPath).ExitCode);

        var (exitCode, output) = CodesignRun.Invoke("qonnx", "inspect", Model);

        Assert.Equal(0, exitCode);
        Assert.Contains("dense_1_matmul: MatMul", output, StringComparison.Ordinal);
        Assert.Contains("ap_fixed<", output, StringComparison.Ordinal);
        Assert.Contains("fixed point: yes", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder.OutputDirectory, "qonnx", "model.qcdq.onnx")));
    }

    [Fact]
    public void Bad_inputs_and_files_are_positioned_errors()
    {
        Assert.Equal(0, CodesignRun.Invoke("export", folder.SpecPath).ExitCode);
        var inputs = Path.Combine(folder.Directory, "bad.csv");
        File.WriteAllLines(inputs, ["1,2,3", "1,2,x,4,5,6,7,8,9,10,11,12,13,14,15,16"]);
        var garbage = Path.Combine(folder.Directory, "garbage.onnx");
        File.WriteAllBytes(garbage, [0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01]);

        var badRows = CodesignRun.Invoke("qonnx", "run", Model, inputs);
        var badModel = CodesignRun.Invoke("qonnx", "inspect", garbage);

        Assert.Equal(1, badRows.ExitCode);
        Assert.Contains($"{inputs}(1,1): error CSD0106: row has 3 values; the model takes 16", badRows.Output, StringComparison.Ordinal);
        Assert.Contains($"{inputs}(2,5): error CSD0107:", badRows.Output, StringComparison.Ordinal);
        Assert.Equal(1, badModel.ExitCode);
        Assert.Contains($"{garbage}: error CSD0401:", badModel.Output, StringComparison.Ordinal);
    }
}
