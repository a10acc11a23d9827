namespace Codesign.Synthesis.Tests;

/// <summary>Asks /proc whether a process still runs; a zombie (exited, not yet reaped by its new parent) does not.</summary>
internal static class LinuxProcesses
{
    public static bool IsRunning(int processId)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{processId}/stat");
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return false;
        }

        // "pid (comm) state ...": comm may contain spaces and parentheses, so the state follows the last ')'.
        var state = stat[(stat.LastIndexOf(')') + 2)..][0];
        return state is not ('Z' or 'X');
    }

    /// <summary>Waits briefly for a killed process to go: a kill is delivered asynchronously.</summary>
    public static bool EndsWithin(int processId, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (IsRunning(processId))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            Thread.Sleep(20);
        }

        return true;
    }
}
