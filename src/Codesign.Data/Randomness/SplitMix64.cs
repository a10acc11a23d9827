namespace Codesign.Data.Randomness;

/// <summary>
/// SplitMix64 (Steele, Lea, Flood 2014). Used only to expand seeds into xoshiro state, as the xoshiro authors
/// recommend: its output is well mixed even for adjacent inputs such as chunk indices 0, 1, 2.
/// </summary>
internal static class SplitMix64
{
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15UL;

    public static ulong Next(ref ulong state)
    {
        state += GoldenGamma;
        return Mix(state);
    }

    public static ulong Mix(ulong value)
    {
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
