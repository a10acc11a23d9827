using Codesign.Core.Diagnostics;
using Codesign.Core.Spec;
using Codesign.Data;

namespace Codesign.Training.Tests;

internal static class TrainingFixtures
{
    public static readonly string[] Classes = ["a", "b", "c"];

    public static ModelSpec Model(bool batchNorm = false) => new(
        4,
        [
            new LayerSpec("dense_1", LayerKind.Dense, 8, Activation.Relu, batchNorm, default),
            new LayerSpec("dense_2", LayerKind.Dense, 3, Activation.None, false, default),
        ],
        default);

    public static TrainingSpec Training(ulong seed = 5, int epochs = 3, double learningRate = 0.01, OptimizerKind optimizer = OptimizerKind.Adam) => new(
        epochs, 32, optimizer, learningRate, 0.9, 0, new ScheduleSpec(ScheduleKind.Constant, 10, 0.1), seed, LossKind.CrossEntropy, 1,
        new SourceSpan("/specs/spec.yaml", 20, 1));

    /// <summary>Blobs split as the tests use them: 900 (or <paramref name="trainRows"/>) train, 90 validation, 300 test rows.</summary>
    public static Dataset Data(int trainRows = 900, DatasetSplit? train = null) =>
        new(["f0", "f1", "f2", "f3"], Classes, train ?? Blobs(trainRows, 1), Blobs(90, 2), Blobs(300, 3));

    /// <summary>Three blobs that a small network separates well but not trivially.</summary>
    public static DatasetSplit Blobs(int rows, int seed, float scale = 1f)
    {
        var random = new Random(seed);
        var features = new float[rows * 4];
        var labels = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            labels[i] = i % 3;
            for (var f = 0; f < 4; f++)
            {
                features[(i * 4) + f] = scale * (float)((f == labels[i] ? 1.5 : 0) + (random.NextDouble() * 2) - 1);
            }
        }

        return new DatasetSplit(features, labels, 4);
    }
}
