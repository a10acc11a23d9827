using Codesign.Data.Jets;
using Xunit.Abstractions;

namespace Codesign.Data.Tests.Jets;

/// <summary>
/// Whether the generated classes are as learnable, and as confusable, as real jets, checked with a plain
/// multinomial logistic regression (no TorchSharp): a linear model on standardized features must neither fail
/// nor separate the classes almost perfectly, and its mistakes must be W/Z and q/g as in real jet tagging.
/// </summary>
public sealed class JetSeparabilityTests(ITestOutputHelper output)
{
    private const int Classes = 5;

    [Fact]
    public void Logistic_regression_is_good_but_far_from_perfect_and_confuses_the_physical_pairs()
    {
        var prepared = DataPreparer.Prepare(Specs.Jets(20_000, seed: 31, split: new(0, 0.25, 8)));
        var train = prepared.Dataset.Train;
        var test = prepared.Dataset.Test;

        var weights = Train(train);
        var confusion = new int[Classes, Classes];
        for (var row = 0; row < test.RowCount; row++)
        {
            confusion[test.Labels[row], Predict(weights, test.Row(row))]++;
        }

        var accuracy = Enumerable.Range(0, Classes).Sum(c => confusion[c, c]) / (double)test.RowCount;
        var pairs = (from a in Enumerable.Range(0, Classes)
                     from b in Enumerable.Range(0, Classes)
                     where a < b
                     let mistakes = confusion[a, b] + confusion[b, a]
                     orderby mistakes descending
                     select (Pair: JetFeatures.ClassNames[a] + JetFeatures.ClassNames[b], Mistakes: mistakes)).ToArray();
        output.WriteLine($"logistic regression test accuracy {accuracy:P2}; confusions {string.Join(", ", pairs.Select(p => $"{p.Pair}:{p.Mistakes}"))}");

        // Real jets: a 16-64-32-32-5 MLP reaches ~76%; on this simulation it reaches ~74%. This linear model, after 300
        // full-batch steps, lands near 57% (converged, ~63%): class boundaries in mass are windows, which a linear
        // model only approximates. Above ~80% the classes would be unrealistically separated.
        Assert.InRange(accuracy, 0.50, 0.80);
        Assert.Equal(["gq", "wz"], pairs.Take(2).Select(p => p.Pair).Order());
    }

    /// <summary>Full-batch gradient descent on the softmax cross-entropy; weights [class, feature + bias].</summary>
    private static double[,] Train(DatasetSplit train)
    {
        var width = train.FeatureCount;
        var weights = new double[Classes, width + 1];
        var gradient = new double[Classes, width + 1];
        var probabilities = new double[Classes];
        const double learningRate = 0.5;
        for (var iteration = 0; iteration < 300; iteration++)
        {
            Array.Clear(gradient);
            for (var row = 0; row < train.RowCount; row++)
            {
                var x = train.Row(row);
                Softmax(weights, x, probabilities);
                for (var c = 0; c < Classes; c++)
                {
                    var error = probabilities[c] - (train.Labels[row] == c ? 1 : 0);
                    for (var f = 0; f < width; f++)
                    {
                        gradient[c, f] += error * x[f];
                    }

                    gradient[c, width] += error;
                }
            }

            for (var c = 0; c < Classes; c++)
            {
                for (var f = 0; f <= width; f++)
                {
                    weights[c, f] -= learningRate * gradient[c, f] / train.RowCount;
                }
            }
        }

        return weights;
    }

    private static int Predict(double[,] weights, ReadOnlySpan<float> x)
    {
        var probabilities = new double[Classes];
        Softmax(weights, x, probabilities);
        return Array.IndexOf(probabilities, probabilities.Max());
    }

    private static void Softmax(double[,] weights, ReadOnlySpan<float> x, double[] probabilities)
    {
        var width = x.Length;
        var largest = double.NegativeInfinity;
        for (var c = 0; c < Classes; c++)
        {
            var score = weights[c, width];
            for (var f = 0; f < width; f++)
            {
                score += weights[c, f] * x[f];
            }

            probabilities[c] = score;
            largest = Math.Max(largest, score);
        }

        var sum = 0.0;
        for (var c = 0; c < Classes; c++)
        {
            probabilities[c] = Math.Exp(probabilities[c] - largest);
            sum += probabilities[c];
        }

        for (var c = 0; c < Classes; c++)
        {
            probabilities[c] /= sum;
        }
    }
}
