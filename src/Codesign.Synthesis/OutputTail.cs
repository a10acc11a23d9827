namespace Codesign.Synthesis;

/// <summary>
/// The last lines of a tool's output, kept for the error message when it fails (the full log scrolled past in the
/// progress callback; the end is where Vitis says what went wrong). Thread-safe: stdout and stderr are read
/// concurrently.
/// </summary>
internal sealed class OutputTail(int capacity)
{
    private readonly Queue<string> lines = new(capacity);
    private readonly Lock gate = new();

    public void Add(string line)
    {
        lock (gate)
        {
            if (lines.Count == capacity)
            {
                lines.Dequeue();
            }

            lines.Enqueue(line);
        }
    }

    /// <summary>The kept lines, indented, after a newline; or a note that there was no output.</summary>
    public string Format()
    {
        lock (gate)
        {
            var heading = lines.Count switch
            {
                0 => " It printed nothing.",
                1 => " Its output:",
                _ => $" Last {lines.Count} lines of output:",
            };
            return heading + string.Concat(lines.Select(line => "\n  " + line));
        }
    }
}
