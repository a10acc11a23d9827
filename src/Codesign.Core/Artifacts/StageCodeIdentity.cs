using System.Reflection;

namespace Codesign.Core.Artifacts;

/// <summary>
/// Identifies the code that produced an artifact. Assemblies are built deterministically, so a module's MVID
/// changes exactly when its source changes: a new trainer retrains, a rebuilt-but-identical one does not.
/// </summary>
public static class StageCodeIdentity
{
    public static string Of(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "0";
        // The "+commit" suffix changes with every commit even when this assembly's code did not.
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        version = plus >= 0 ? version[..plus] : version;
        return $"{assembly.GetName().Name} {version} mvid:{assembly.ManifestModule.ModuleVersionId:N}";
    }
}
