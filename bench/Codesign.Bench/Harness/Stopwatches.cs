using System.Diagnostics;

namespace Codesign.Bench.Harness;

/// <summary>Runs an action a few times unmeasured (JIT, caches, libtorch's allocator), then times each run.</summary>
internal static class Stopwatches
{
    public static IReadOnlyList<double> Seconds(Action action, int warmups, int runs)
    {
        for (var i = 0; i < warmups; i++)
        {
            action();
        }

        var seconds = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            seconds.Add(clock.Elapsed.TotalSeconds);
        }

        return seconds;
    }
}
