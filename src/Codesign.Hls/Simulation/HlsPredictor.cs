using System.Runtime.InteropServices;
using Codesign.Hls.Project;

namespace Codesign.Hls.Simulation;

/// <summary>
/// Batched prediction through a project's compiled C-simulation library (its <c>_bridge.cpp</c>): the generated
/// top function itself, called in-process through unmanaged function pointers. Outputs are integer codes of
/// <c>result_t</c>, so they compare exactly with the executor. Not thread-safe (the trace hook is a global).
/// </summary>
public sealed unsafe class HlsPredictor : IDisposable
{
    // One call handles at most this many rows, so row × size offsets stay far inside the bridge's int arguments.
    private const int ChunkRows = 4096;

    private readonly delegate* unmanaged<double*, long*, int, int> predictCodes;
    private readonly delegate* unmanaged<double*, long*, int, int> traceCodes;
    private nint library;

    private HlsPredictor(HlsProject project, string path)
    {
        Project = project;
        LibraryPath = path;
        library = NativeLibrary.Load(path);
        try
        {
            var name = project.Name;
            InputSize = ((delegate* unmanaged<int>)NativeLibrary.GetExport(library, name + "_input_size"))();
            OutputSize = ((delegate* unmanaged<int>)NativeLibrary.GetExport(library, name + "_output_size"))();
            TraceSize = ((delegate* unmanaged<int>)NativeLibrary.GetExport(library, name + "_trace_size"))();
            var design = project.Design;
            if (InputSize != design.InputSize || OutputSize != design.OutputSize || TraceSize != design.TraceSize)
            {
                throw new InvalidOperationException($"{path} was built for {InputSize} inputs, {OutputSize} outputs and {TraceSize} trace codes, but the project has {design.InputSize}, {design.OutputSize} and {design.TraceSize}");
            }

            predictCodes = (delegate* unmanaged<double*, long*, int, int>)NativeLibrary.GetExport(library, name + "_predict_codes");
            traceCodes = NativeLibrary.TryGetExport(library, name + "_trace_codes", out var trace) ? (delegate* unmanaged<double*, long*, int, int>)trace : null;
        }
        catch
        {
            NativeLibrary.Free(library);
            throw;
        }
    }

    public HlsProject Project { get; }

    public string LibraryPath { get; }

    public int InputSize { get; }

    public int OutputSize { get; }

    /// <summary>Codes per sample in a trace: every node's output, in node order.</summary>
    public int TraceSize { get; }

    public bool CanTrace => traceCodes != null;

    /// <summary>Compiles the project's library (reusing an identical earlier build) and loads it.</summary>
    public static HlsPredictor Build(HlsProject project, bool trace = false)
    {
        ArgumentNullException.ThrowIfNull(project);
        return Load(project, CSimulationCompiler.Library(project, trace).Path);
    }

    internal static HlsPredictor Load(HlsProject project, string libraryPath) => new(project, libraryPath);

    /// <summary>Output codes (rows × outputs) for inputs given as rows × inputs values, row-major.</summary>
    public long[] PredictCodes(ReadOnlySpan<double> inputs, int rows) => Run(predictCodes, inputs, rows, OutputSize);

    public long[] PredictCodes(ReadOnlySpan<float> inputs, int rows) => PredictCodes(Widen(inputs), rows);

    /// <summary>Output values (code × LSB of result_t), rows × outputs.</summary>
    public double[] Predict(ReadOnlySpan<float> inputs, int rows)
    {
        var format = Project.Design.OutputFormat;
        return [.. PredictCodes(inputs, rows).Select(format.FromCode)];
    }

    /// <summary>Every node's output codes for each row (rows × <see cref="TraceSize"/>); needs a library built with trace.</summary>
    public long[] TraceCodes(ReadOnlySpan<double> inputs, int rows)
    {
        if (!CanTrace)
        {
            throw new InvalidOperationException($"{LibraryPath} was built without -DCODESIGN_TRACE");
        }

        return Run(traceCodes, inputs, rows, TraceSize);
    }

    public void Dispose()
    {
        if (library != 0)
        {
            NativeLibrary.Free(library);
            library = 0;
        }
    }

    private static double[] Widen(ReadOnlySpan<float> values)
    {
        var wide = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            wide[i] = values[i]; // float to double is exact
        }

        return wide;
    }

    private long[] Run(delegate* unmanaged<double*, long*, int, int> entry, ReadOnlySpan<double> inputs, int rows, int width)
    {
        ObjectDisposedException.ThrowIf(library == 0, this);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        if (inputs.Length != (long)rows * InputSize)
        {
            throw new ArgumentException($"expected {(long)rows * InputSize} input values for {rows} rows of {InputSize}, got {inputs.Length}", nameof(inputs));
        }

        var output = new long[(long)rows * width];
        fixed (double* input = inputs)
        fixed (long* result = output)
        {
            for (var start = 0; start < rows; start += ChunkRows)
            {
                var count = Math.Min(ChunkRows, rows - start);
                var status = entry(input + ((long)start * InputSize), result + ((long)start * width), count);
                if (status != 0)
                {
                    throw new InvalidOperationException($"{LibraryPath} returned {status}");
                }
            }
        }

        return output;
    }
}
