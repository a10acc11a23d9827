namespace Codesign.Training;

/// <summary>
/// libtorch's seed, default generator and thread count are process-wide: two trainings or analyses interleaved in
/// one process would draw from the same generator and lose their determinism, so they take turns at this gate.
/// </summary>
internal static class TorchProcessState
{
    public static readonly Lock Gate = new();
}
