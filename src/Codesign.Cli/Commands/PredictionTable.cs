using System.Globalization;

namespace Codesign.Cli.Commands;

/// <summary>
/// Predictions as CSV: the argmax class, then every output value in shortest round-trip form, so a user can compare
/// them exactly with their own tools (values of fixed-point outputs are exact binary fractions).
/// </summary>
internal static class PredictionTable
{
    public static void Write(TextWriter output, ReadOnlySpan<double> values, int rows, string? comment)
    {
        var outputs = values.Length / rows;
        if (comment is not null)
        {
            output.WriteLine("# " + comment);
        }

        output.WriteLine("class," + string.Join(',', Enumerable.Range(0, outputs).Select(o => $"output_{o}")));
        for (var row = 0; row < rows; row++)
        {
            var scores = values.Slice(row * outputs, outputs);
            var best = 0;
            for (var o = 1; o < outputs; o++)
            {
                best = scores[o] > scores[best] ? o : best;
            }

            var line = new System.Text.StringBuilder();
            line.Append(best.ToString(CultureInfo.InvariantCulture));
            foreach (var value in scores)
            {
                line.Append(',').Append(value.ToString("R", CultureInfo.InvariantCulture));
            }

            output.WriteLine(line.ToString());
        }
    }
}
