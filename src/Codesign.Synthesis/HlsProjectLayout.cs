namespace Codesign.Synthesis;

/// <summary>
/// Where an hls4ml-style project keeps the files the synthesis stage runs and reads: <c>build_prj.tcl</c> at the
/// top, Vitis's project in <c>&lt;name&gt;_prj/&lt;solution&gt;/</c>, and <c>vivado_synth.rpt</c> written by the
/// vsynth step into the project folder (the working directory of vitis_hls).
/// </summary>
/// <param name="ProjectDirectory">The generated project folder (hls4ml's OutputDir).</param>
/// <param name="TopName">The top function, which also names the Vitis project (<c>&lt;top&gt;_prj</c>).</param>
/// <param name="SolutionName">The Vitis solution that build_prj.tcl opens.</param>
public sealed record HlsProjectLayout(string ProjectDirectory, string TopName, string SolutionName = "solution1")
{
    public string BuildScriptPath => Path.Combine(ProjectDirectory, "build_prj.tcl");

    public string SolutionDirectory => Path.Combine(ProjectDirectory, $"{TopName}_prj", SolutionName);

    public string CsynthXmlPath => Path.Combine(SolutionDirectory, "syn", "report", $"{TopName}_csynth.xml");

    public string VivadoSynthReportPath => Path.Combine(ProjectDirectory, "vivado_synth.rpt");
}
