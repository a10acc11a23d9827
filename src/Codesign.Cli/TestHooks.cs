namespace Codesign.Cli;

/// <summary>
/// Lets integration tests provoke failures that real builds meet rarely. CODESIGN_TEST_CRASH=abort makes the
/// process die the way a native libtorch failure does (SIGABRT, exit code 134), to prove the build survives it.
/// </summary>
internal static class TestHooks
{
    public static void Apply()
    {
        if (Environment.GetEnvironmentVariable("CODESIGN_TEST_CRASH") == "abort")
        {
            Environment.FailFast("CODESIGN_TEST_CRASH=abort: simulated native crash");
        }
    }
}
