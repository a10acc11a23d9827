using System.Globalization;

namespace Codesign.Bench.Harness;

/// <summary>"--name value" options after the command word; every option has a default.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public Arguments(IEnumerable<string> args)
    {
        string? pending = null;
        foreach (var arg in args)
        {
            if (pending is null)
            {
                pending = arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..] : throw new ArgumentException($"expected --option, got '{arg}'");
            }
            else
            {
                values[pending] = arg;
                pending = null;
            }
        }

        if (pending is not null)
        {
            throw new ArgumentException($"--{pending} needs a value");
        }
    }

    public string Text(string name, string fallback) => values.GetValueOrDefault(name, fallback);

    public int Integer(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
}
