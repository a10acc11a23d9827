using Codesign.Data;
using Codesign.Data.Hgcal;

namespace Codesign.Training.Metrics;

/// <summary>
/// How well an autoencoder reproduces its input on one split: the mean squared error per pixel (the training loss)
/// and the mean earth mover's distance between each module and its reconstruction, in cell spacings, over the 48
/// trigger cells read back out of the 8x8 images (<see cref="EarthMoversDistance"/>).
/// </summary>
public sealed record ReconstructionMetrics(int Samples, double MeanSquaredError, EmdMean Emd)
{
    /// <param name="reconstructions">Row-major outputs, one image per row of <paramref name="samples"/>.</param>
    public static ReconstructionMetrics Compute(DatasetSplit samples, float[] reconstructions)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(reconstructions);
        var inputs = samples.Features;
        if (reconstructions.Length != inputs.Length || samples.FeatureCount != HgcalModuleGeometry.ImagePixelCount)
        {
            throw new ArgumentException($"Expected {samples.RowCount} reconstructed {HgcalModuleGeometry.ImageSize}x{HgcalModuleGeometry.ImageSize} images, got {reconstructions.Length} values for {samples.FeatureCount}-pixel rows.");
        }

        return new ReconstructionMetrics(samples.RowCount, MeanSquaredErrorOf(inputs, reconstructions), EarthMoversDistance.Mean(Cells(inputs), Cells(reconstructions)));
    }

    /// <summary>Mean squared difference over every element, summed in double in row order.</summary>
    public static double MeanSquaredErrorOf(ReadOnlySpan<float> inputs, ReadOnlySpan<float> outputs)
    {
        double sum = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            double difference = inputs[i] - outputs[i];
            sum += difference * difference;
        }

        return inputs.Length == 0 ? double.NaN : sum / inputs.Length;
    }

    /// <summary>
    /// The 48 cells of each image. A reconstruction can be slightly negative only through a decoder without a final
    /// sigmoid or ReLU; charge has no sign, so such cells count as empty.
    /// </summary>
    private static float[] Cells(float[] images)
    {
        const int pixels = HgcalModuleGeometry.ImagePixelCount;
        const int cells = HgcalModuleGeometry.CellCount;
        var rows = images.Length / pixels;
        var result = new float[rows * cells];
        for (var row = 0; row < rows; row++)
        {
            var target = result.AsSpan(row * cells, cells);
            HgcalModuleGeometry.FromImage(images.AsSpan(row * pixels, pixels), target);
            foreach (ref var value in target)
            {
                value = Math.Max(value, 0f);
            }
        }

        return result;
    }
}
