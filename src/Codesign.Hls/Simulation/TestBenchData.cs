using System.Globalization;
using System.Text;
using Codesign.Core.Artifacts;
using Codesign.Hls.Project;

namespace Codesign.Hls.Simulation;

/// <summary>
/// tb_data/tb_input_features.dat and tb_output_predictions.dat: one sample per line, values separated by spaces.
/// Inputs are written as the shortest text that reads back as the same double (the testbench then rounds them into
/// input_t exactly as the executor's input Quant does); predictions are the executor's output codes as exact decimals.
/// </summary>
internal static class TestBenchData
{
    public const string Folder = "tb_data";
    public const string InputFile = "tb_input_features.dat";
    public const string PredictionFile = "tb_output_predictions.dat";

    public static void Write(HlsProject project, ReadOnlySpan<float> inputs, int rows, ReadOnlySpan<long> expectedCodes)
    {
        var design = project.Design;
        var folder = Path.Combine(project.Directory, Folder);
        AtomicFile.WriteAllText(Path.Combine(folder, InputFile), Lines(inputs, rows, design.InputSize, RoundTrip));
        var fraction = design.OutputFormat.FractionalBits;
        var text = new StringBuilder(expectedCodes.Length * 8);
        for (var row = 0; row < rows; row++)
        {
            for (var j = 0; j < design.OutputSize; j++)
            {
                text.Append(j == 0 ? string.Empty : " ").Append(ExactDecimal.Format(expectedCodes[(row * design.OutputSize) + j], fraction));
            }

            text.Append('\n');
        }

        AtomicFile.WriteAllText(Path.Combine(folder, PredictionFile), text.ToString());
    }

    private static string Lines(ReadOnlySpan<float> values, int rows, int width, Func<float, string> format)
    {
        var text = new StringBuilder(values.Length * 10);
        for (var row = 0; row < rows; row++)
        {
            for (var i = 0; i < width; i++)
            {
                text.Append(i == 0 ? string.Empty : " ").Append(format(values[(row * width) + i]));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The float as a double in round-trip text; checked here, because an inexact input would be a silent mismatch.</summary>
    private static string RoundTrip(float value)
    {
        var text = ExactDecimal.RoundTrip(value);
        if (double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) != value)
        {
            throw new InvalidOperationException($"'{text}' does not read back as {value}");
        }

        return text;
    }
}
