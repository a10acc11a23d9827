using Codesign.Core.Artifacts;
using Codesign.Core.Spec;
using TorchSharp;
using static TorchSharp.torch;

namespace Codesign.Training;

/// <summary>
/// libtorch's seed, default generator and thread count are process-wide: two trainings or analyses interleaved in
/// one process would draw from the same generator and lose their determinism, so they take turns at this gate.
/// </summary>
internal static class TorchProcessState
{
    public static readonly Lock Gate = new();

    /// <summary>
    /// Runs a training at the gate with its thread count pinned (another count may reorder float sums) and the
    /// generator seeded: the same settings then give bit-identical results.
    /// </summary>
    public static T Seeded<T>(TrainingSpec settings, Func<T> training)
    {
        lock (Gate)
        {
            torch.set_num_threads(settings.Threads);
            torch.manual_seed(unchecked((long)settings.Seed));
            return training();
        }
    }

    /// <summary>Copies of named parameters, detached from the graph: what a trainer returns and writes to disk.</summary>
    public static List<NamedTensor> Snapshot(IEnumerable<(string Name, Tensor Tensor)> state) =>
        [.. state.Select(entry => new NamedTensor(entry.Name, [.. entry.Tensor.shape.Select(d => (int)d)], entry.Tensor.detach().contiguous().data<float>().ToArray()))];
}
