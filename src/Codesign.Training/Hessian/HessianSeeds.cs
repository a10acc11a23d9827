namespace Codesign.Training.Hessian;

/// <summary>
/// One generator seed per layer and purpose, mixed from the analysis seed. A layer's probes then depend on the
/// seed and its position only, not on how many probes the layers before it happened to need.
/// </summary>
internal static class HessianSeeds
{
    private const ulong TraceStream = 0x4854_5241_4345_0000UL;
    private const ulong EigenStream = 0x4845_4947_454E_0000UL;

    public static ulong Trace(ulong seed, int layerIndex) => Mix(Mix(seed ^ TraceStream) + (ulong)layerIndex);

    public static ulong Eigen(ulong seed, int layerIndex) => Mix(Mix(seed ^ EigenStream) + (ulong)layerIndex);

    // SplitMix64's finalizer (Steele, Lea, Flood 2014): adjacent inputs give unrelated outputs.
    private static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
