namespace Codesign.Synthesis;

/// <summary>
/// The two environment variables <see cref="VitisHlsLocator"/> looks at, passed in rather than read inside so that
/// tests (and a build that wants to pin a different PATH) never have to change the process environment.
/// </summary>
/// <param name="PathVariable">The value of <c>PATH</c>.</param>
/// <param name="XilinxHls">The value of <c>XILINX_HLS</c>, the Vitis HLS installation that <c>settings64.sh</c> sets.</param>
public sealed record VitisHlsSearchEnvironment(string? PathVariable, string? XilinxHls)
{
    public static VitisHlsSearchEnvironment FromProcess() =>
        new(Environment.GetEnvironmentVariable("PATH"), Environment.GetEnvironmentVariable("XILINX_HLS"));
}
