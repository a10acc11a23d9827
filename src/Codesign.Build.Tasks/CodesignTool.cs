using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Codesign.Build.Tasks;

/// <summary>
/// Runs one stage of the <c>codesign</c> tool out of process. The tool prints MSBuild's canonical
/// <c>file(line,col): error CSDnnnn: text</c> lines, which ToolTask turns into real errors; progress lines are
/// logged at high importance so they show at normal verbosity. A crash (a native libtorch abort, say) becomes
/// one clear build error instead of taking the build down.
/// </summary>
public sealed class CodesignTool : ToolTask
{
    /// <summary>The stage: validate, prepare, train or build. Switch: the first argument.</summary>
    [Required]
    public string Command { get; set; } = string.Empty;

    /// <summary>The spec file. Switch: the second argument.</summary>
    [Required]
    public string Spec { get; set; } = string.Empty;

    /// <summary>Folder for intermediates. Switch: --work-dir.</summary>
    [Required]
    public string WorkDirectory { get; set; } = string.Empty;

    /// <summary>Folder for deliverables. Switch: --out-dir.</summary>
    [Required]
    public string OutputDirectory { get; set; } = string.Empty;

    /// <summary>For <c>sweep</c>: BOPs budgets as fractions of the uniform 8-bit cost. Switch: --budgets.</summary>
    public string? SweepBudgets { get; set; }

    /// <summary>
    /// The tool: a <c>codesign.dll</c> (run with the dotnet host that runs this build) or an executable such as
    /// the <c>codesign</c> dotnet tool on PATH.
    /// </summary>
    [Required]
    public string CodesignPath { get; set; } = string.Empty;

    protected override string ToolName => IsManagedAssembly ? "dotnet" : Path.GetFileName(CodesignPath);

    protected override MessageImportance StandardOutputLoggingImportance => MessageImportance.High;

    // libtorch writes "terminate called ... what(): ..." to stderr just before an abort; it must be seen.
    protected override MessageImportance StandardErrorLoggingImportance => MessageImportance.High;

    private bool IsManagedAssembly => CodesignPath.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);

    protected override string GenerateFullPathToTool()
    {
        if (!IsManagedAssembly)
        {
            return CodesignPath;
        }

        // The dotnet CLI sets DOTNET_HOST_PATH for the build; it is the host that matches this SDK.
        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
    }

    protected override string GenerateCommandLineCommands()
    {
        var builder = new CommandLineBuilder();
        if (IsManagedAssembly)
        {
            builder.AppendSwitch("exec");
            builder.AppendFileNameIfNotNull(CodesignPath);
        }

        builder.AppendSwitch(Command);
        builder.AppendFileNameIfNotNull(Spec);
        builder.AppendSwitchIfNotNull("--work-dir ", WorkDirectory.TrimEnd('/', '\\'));
        builder.AppendSwitchIfNotNull("--out-dir ", OutputDirectory.TrimEnd('/', '\\'));
        if (!string.IsNullOrWhiteSpace(SweepBudgets))
        {
            builder.AppendSwitchIfNotNull("--budgets ", SweepBudgets);
        }
        return builder.ToString();
    }

    protected override bool ValidateParameters()
    {
        if (IsManagedAssembly && !File.Exists(CodesignPath))
        {
            Log.LogError(null, "CSD0012", null, null, 0, 0, 0, 0,
                "The codesign tool was not found at '{0}'. Set the CodesignToolPath property to a built codesign.dll or install the tool with 'dotnet tool install Codesign.Cli'.", CodesignPath);
            return false;
        }

        return !Log.HasLoggedErrors && base.ValidateParameters();
    }

    protected override bool HandleTaskExecutionErrors()
    {
        if (Log.HasLoggedErrors)
        {
            // The tool already reported what went wrong as canonical diagnostics; adding MSB6006 would only repeat it.
            return false;
        }

        var signal = ExitCode > 128 ? $" (killed by signal {ExitCode - 128}{SignalName(ExitCode - 128)})" : string.Empty;
        Log.LogError(null, "CSD0202", null, Spec, 0, 0, 0, 0,
            "codesign {0} crashed with exit code {1}{2}; no output of this stage is trusted and the next build runs it again. The tool's last lines are above; run with -v:n to see all of its output.",
            Command, ExitCode, signal);
        return false;
    }

    private static string SignalName(int signal) => signal switch
    {
        6 => ", SIGABRT",
        9 => ", SIGKILL",
        11 => ", SIGSEGV",
        _ => string.Empty,
    };
}
