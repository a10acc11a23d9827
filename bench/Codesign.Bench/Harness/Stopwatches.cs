using System.Diagnostics;

namespace Codesign.Bench.Harness;

/// <summary>Runs an action a few times unmeasured (JIT, caches, libtorch's allocator), then times each run.</summary>
internal static class Stopwatches
{
    public static IReadOnlyList<double> Seconds(Action action, int warmups, int runs) => Time(action, warmups, runs).Wall;

    /// <summary>
    /// Wall-clock seconds and the process's CPU seconds (user + system) of each run. On a shared machine the CPU time
    /// of single-threaded work is the steadier number: waiting for a core does not count.
    /// </summary>
    public static (IReadOnlyList<double> Wall, IReadOnlyList<double> Cpu) Time(Action action, int warmups, int runs)
    {
        for (var i = 0; i < warmups; i++)
        {
            action();
        }

        var wall = new List<double>(runs);
        var cpu = new List<double>(runs);
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            action();
            wall.Add(clock.Elapsed.TotalSeconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalSeconds);
        }

        return (wall, cpu);
    }
}
