namespace Codesign.Sdk.IntegrationTests;

internal sealed record ProcessResult(int ExitCode, string Output)
{
    public void AssertSucceeded() => Assert.True(ExitCode == 0, $"expected success, got exit code {ExitCode}:\n{Output}");

    public void AssertFailed() => Assert.True(ExitCode == 1, $"expected exit code 1, got {ExitCode}:\n{Output}");

    /// <summary>The tool says "codesign: &lt;stage&gt;: running" when a stage does its work.</summary>
    public bool StageRan(string stage) => Output.Contains($"codesign: {stage}: running", StringComparison.Ordinal);

    public bool TargetSkipped(string target) =>
        Output.Contains($"Skipping target \"{target}\" because all output files are up-to-date", StringComparison.Ordinal);

    public bool ToolInvoked => Output.Contains("codesign.dll", StringComparison.Ordinal) || Output.Contains("codesign: ", StringComparison.Ordinal);
}
