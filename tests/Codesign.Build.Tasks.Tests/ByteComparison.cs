namespace Codesign.Build.Tasks.Tests;

internal static class ByteComparison
{
    /// <summary>Every offset at which two files differ; they must be equally long, since a patch never resizes.</summary>
    public static long[] DifferingOffsets(byte[] before, byte[] after)
    {
        Assert.Equal(before.Length, after.Length);
        return [.. Enumerable.Range(0, before.Length).Where(index => before[index] != after[index]).Select(index => (long)index)];
    }
}
