using Codesign.Build.Tasks.Elf;
using Microsoft.Build.Framework;
using SystemLibrary = Codesign.Build.Tasks.Elf.SystemLibStdCxx;

namespace Codesign.Build.Tasks;

/// <summary>
/// Lets TorchSharp's native library load on distributions whose libstdc++ predates the one it was linked against
/// (Debian 12 stops at GLIBCXX_3.4.30; TorchSharp 0.107.0 asks for GLIBCXX_3.4.32). The only symbol bound to that
/// version is a link-time anchor that is never called, so marking the requirement weak is enough for the loader to
/// accept the older libstdc++. Machines whose libstdc++ has the version are left alone.
/// </summary>
public sealed class PatchTorchSharpNativeLibrary : Microsoft.Build.Utilities.Task
{
    public const string DefaultRequiredVersion = "GLIBCXX_3.4.32";
    public const string MalformedElfCode = "CSD0801";
    public const string FileAccessCode = "CSD0802";

    /// <summary>Copies of libLibTorchSharp.so to patch; paths that do not exist are skipped, since not every output folder has one.</summary>
    [Required]
    public ITaskItem[] Libraries { get; set; } = [];

    /// <summary>The libstdc++.so.6 the application will run against; empty means search the system library folders.</summary>
    public string? SystemLibStdCxx { get; set; }

    public string RequiredVersion { get; set; } = DefaultRequiredVersion;

    /// <summary>The libraries whose requirement this run marked weak (not those that were already weak).</summary>
    [Output]
    public ITaskItem[] PatchedLibraries { get; private set; } = [];

    public override bool Execute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Log.LogMessage(MessageImportance.Low, "Not on Linux; TorchSharp's native library needs no libstdc++ patch.");
            return true;
        }

        var version = string.IsNullOrWhiteSpace(RequiredVersion) ? DefaultRequiredVersion : RequiredVersion;
        switch (SystemDefinesVersion(version))
        {
            case null:
                return false;
            case true:
                return true;
            case false:
                break;
        }

        var patched = new List<ITaskItem>();
        foreach (var library in Libraries)
        {
            var path = library.GetMetadata("FullPath");
            if (!File.Exists(path))
            {
                Log.LogMessage(MessageImportance.Low, $"Skipped {path}: no such file.");
                continue;
            }

            if (Patch(path, version) == VersionRequirementPatchResult.Patched)
            {
                patched.Add(library);
            }
        }

        PatchedLibraries = [.. patched];
        return !Log.HasLoggedErrors;
    }

    /// <summary>Whether the system libstdc++ defines the version; null when it could not be read (an error has been logged).</summary>
    private bool? SystemDefinesVersion(string version)
    {
        var systemLibrary = string.IsNullOrEmpty(SystemLibStdCxx) ? SystemLibrary.Locate() : SystemLibStdCxx;
        if (systemLibrary is null)
        {
            // Without a libstdc++ to consult, weakening is the safe choice: a weak requirement that is met behaves exactly like a strong one.
            Log.LogMessage(
                MessageImportance.Low,
                $"No {SystemLibrary.FileName} found in {string.Join(", ", SystemLibrary.CandidateDirectories)}; marking {version} weak anyway.");
            return false;
        }

        try
        {
            if (ElfVersionDefinitions.Defines(systemLibrary, version))
            {
                Log.LogMessage(MessageImportance.Low, $"{systemLibrary} defines {version}; TorchSharp's native library loads unpatched.");
                return true;
            }

            return false;
        }
        catch (ElfFormatException exception)
        {
            LogFileError(MalformedElfCode, systemLibrary, $"{systemLibrary} is not a readable ELF64 library: {exception.Message}");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            LogFileError(FileAccessCode, systemLibrary, $"Cannot read {systemLibrary}: {exception.Message}");
        }

        return null;
    }

    /// <summary>Weakens the requirement in one library and reports what happened; null when it failed (an error has been logged).</summary>
    private VersionRequirementPatchResult? Patch(string path, string version)
    {
        VersionRequirementPatchResult result;
        try
        {
            result = ElfVersionNeeds.WeakenVersionRequirement(path, SystemLibrary.FileName, version);
        }
        catch (ElfFormatException exception)
        {
            LogFileError(MalformedElfCode, path, $"{path} is not a readable ELF64 library: {exception.Message}");
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            LogFileError(FileAccessCode, path, $"Cannot patch {path}: {exception.Message}");
            return null;
        }

        switch (result)
        {
            case VersionRequirementPatchResult.Patched:
                Log.LogMessage(MessageImportance.Normal, $"Patched {path}: {version} requirement marked weak (system libstdc++ lacks it)");
                break;
            case VersionRequirementPatchResult.AlreadyWeak:
                Log.LogMessage(MessageImportance.Low, $"{path}: {version} requirement already weak");
                break;
            default:
                Log.LogMessage(MessageImportance.Low, $"{path} does not require {version} from {SystemLibrary.FileName}; left unchanged.");
                break;
        }

        return result;
    }

    private void LogFileError(string code, string path, string message) =>
        Log.LogError(
            subcategory: null,
            errorCode: code,
            helpKeyword: null,
            file: path,
            lineNumber: 0,
            columnNumber: 0,
            endLineNumber: 0,
            endColumnNumber: 0,
            message: message);
}
