using System.Reflection;

namespace Codesign.Sdk.IntegrationTests;

/// <summary>Where the SDK sources and the freshly built tool and tasks are, for the configuration under test.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static string Configuration { get; } = typeof(RepositoryLayout).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;

    public static string SdkProps => Path.Combine(Root, "sdk", "Codesign.Sdk", "Sdk", "Sdk.props");

    public static string SdkTargets => Path.Combine(Root, "sdk", "Codesign.Sdk", "Sdk", "Sdk.targets");

    public static string SdkProject => Path.Combine(Root, "sdk", "Codesign.Sdk", "Codesign.Sdk.csproj");

    public static string ToolAssembly => Path.Combine(Root, "src", "Codesign.Cli", "bin", Configuration, "net10.0", "codesign.dll");

    public static string TasksAssembly => Path.Combine(Root, "src", "Codesign.Build.Tasks", "bin", Configuration, "net8.0", "Codesign.Build.Tasks.dll");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Codesign.Sdk.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Codesign.Sdk.sln not found above " + AppContext.BaseDirectory);
    }
}
