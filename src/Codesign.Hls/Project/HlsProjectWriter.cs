using System.Text;
using Codesign.Core.Artifacts;
using Codesign.Core.Diagnostics;
using Codesign.Core.Graph;

namespace Codesign.Hls.Project;

/// <summary>
/// Writes a <see cref="QuantizedGraph"/> as an hls4ml-style Vitis HLS project (io_parallel): the firmware (top
/// function, defines.h, parameters.h, weights/, nnet_utils/, ap_types/), a testbench, a C bridge for batched
/// prediction, and the Tcl scripts. One method per file, in the partial files beside this one. Every file is written
/// atomically and only when its bytes change; the bytes depend on the graph and the settings only.
/// </summary>
public static partial class HlsProjectWriter
{
    /// <summary>
    /// Writes the project under <paramref name="outputDirectory"/>. Invalid settings or a graph the writer cannot
    /// express throw <see cref="CodesignException"/> (CSD0504, CSD0505) before any file is touched.
    /// </summary>
    public static HlsProject Write(QuantizedGraph graph, HlsSettings settings, string outputDirectory, SourceSpan location = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        var design = HlsDesign.Create(graph, settings, location);
        var root = Path.GetFullPath(outputDirectory);
        var files = Render(design);
        foreach (var (relative, bytes) in files)
        {
            WriteIfChanged(root, relative, bytes);
        }

        RemoveStaleWeights(root, files.Keys);
        return new HlsProject(root, design, [.. files.Keys]);
    }

    /// <summary>Every file of the project by relative path, sorted: the whole output, without touching the disk.</summary>
    internal static SortedDictionary<string, byte[]> Render(HlsDesign design)
    {
        var name = design.Name;
        var text = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [$"firmware/{name}.h"] = TopHeader(design),
            [$"firmware/{name}.cpp"] = TopSource(design),
            ["firmware/defines.h"] = Defines(design),
            ["firmware/parameters.h"] = Parameters(design),
            [$"{name}_test.cpp"] = TestBench(design),
            [$"{name}_bridge.cpp"] = Bridge(design),
            ["project.tcl"] = ProjectTcl(design),
            ["build_prj.tcl"] = BuildTcl(),
            ["vivado_synth.tcl"] = VivadoSynthTcl(),
            ["README.md"] = Readme(design),
        };
        foreach (var layer in design.Layers.Where(l => l.HasWeights))
        {
            text[$"firmware/weights/{layer.WeightArray}.h"] = WeightHeader(layer);
            text[$"firmware/weights/{layer.BiasArray}.h"] = BiasHeader(layer);
        }

        foreach (var layer in design.Layers.Where(l => l.HasTables))
        {
            text[$"firmware/weights/{layer.ExpTableArray}.h"] = ExpTableHeader(layer);
            text[$"firmware/weights/{layer.InverseTableArray}.h"] = InverseTableHeader(layer);
        }

        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        foreach (var (path, content) in text)
        {
            files[path] = utf8.GetBytes(content);
        }

        // The kernel library and our ap_fixed/ap_int, copied so the project compiles on its own (g++ -Ifirmware/ap_types).
        foreach (var header in HlsHeaders.All)
        {
            files["firmware/" + header] = HlsHeaders.Read(header);
        }

        return files;
    }

    private static void WriteIfChanged(string root, string relative, byte[] bytes)
    {
        var path = Path.GetFullPath(Path.Combine(root, relative));

        // Every relative path is made of generated identifiers; this only guards that promise.
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"refusing to write '{relative}' outside the project folder");
        }

        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
        {
            return;
        }

        AtomicFile.WriteAllBytes(path, bytes);
    }

    /// <summary>Weight headers of layers a previous graph had and this one has not; parameters.h no longer includes them.</summary>
    private static void RemoveStaleWeights(string root, IEnumerable<string> written)
    {
        var folder = Path.Combine(root, "firmware", "weights");
        if (!Directory.Exists(folder))
        {
            return;
        }

        var keep = written.Where(f => f.StartsWith("firmware/weights/", StringComparison.Ordinal)).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in Directory.EnumerateFiles(folder, "*.h").Where(f => !keep.Contains(Path.GetFileName(f))))
        {
            File.Delete(stale);
        }
    }
}
