using System.Globalization;
using System.Text.Json;

namespace Codesign.Bench.Harness;

/// <summary>
/// One measure's results as JSON (bench/scripts/report.py turns them into RESULTS.md): the summaries, free-form
/// facts about the setup, and the 1-minute load average before and after, since other work shares these cores.
/// </summary>
internal sealed class ResultFile(string measure)
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private readonly double loadBefore = LoadAverage();
    private readonly List<Summary> summaries = [];
    private readonly SortedDictionary<string, string> facts = new(StringComparer.Ordinal);

    public Summary Add(Summary summary)
    {
        summaries.Add(summary);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{measure}: {summary.Name}: median {summary.Median:G5} {summary.Unit} (min {summary.Min:G5}, max {summary.Max:G5}, {summary.Runs} runs)"));
        return summary;
    }

    public void Fact(string key, object value) => facts[key] = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    public void Write(string path)
    {
        var document = new
        {
            Measure = measure,
            Load1Before = loadBefore,
            Load1After = LoadAverage(),
            Facts = facts,
            Summaries = summaries.Select(s => new { s.Name, s.Unit, s.Median, s.Min, s.Max, s.Runs, s.Values }),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(document, Options));
    }

    /// <summary>The 1-minute load average from /proc/loadavg, or NaN where there is none.</summary>
    public static double LoadAverage()
    {
        const string file = "/proc/loadavg";
        return File.Exists(file) ? double.Parse(File.ReadAllText(file).Split(' ')[0], CultureInfo.InvariantCulture) : double.NaN;
    }
}
