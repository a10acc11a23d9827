using Codesign.Core.Graph;

namespace Codesign.Hls.Project;

/// <summary>A generated HLS project on disk: where it is, its top function, and the graph it implements.</summary>
public sealed class HlsProject
{
    internal HlsProject(string directory, HlsDesign design, IReadOnlyList<string> files)
    {
        Directory = directory;
        Design = design;
        Files = files;
    }

    /// <summary>The project's root folder (full path).</summary>
    public string Directory { get; }

    /// <summary>The top function's name, also the prefix of its files and of the Vitis HLS project.</summary>
    public string Name => Design.Name;

    public QuantizedGraph Graph => Design.Graph;

    /// <summary>Every file written, relative to <see cref="Directory"/> with '/' separators, sorted.</summary>
    public IReadOnlyList<string> Files { get; }

    internal HlsDesign Design { get; }
}
