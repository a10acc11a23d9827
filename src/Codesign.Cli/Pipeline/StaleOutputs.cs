namespace Codesign.Cli.Pipeline;

/// <summary>Removes a stage's previous reports before it runs, so a failed run never leaves one a reader would trust.</summary>
internal static class StaleOutputs
{
    public static void Delete(params string[] files)
    {
        foreach (var file in files)
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
    }
}
