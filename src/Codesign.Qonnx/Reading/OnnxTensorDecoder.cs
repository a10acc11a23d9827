using System.Buffers.Binary;
using Codesign.Qonnx.Onnx;
using DataType = Codesign.Qonnx.Onnx.TensorProto.Types.DataType;

namespace Codesign.Qonnx.Reading;

/// <summary>
/// Decodes initializers into <see cref="OnnxTensor"/>s. Sizes are checked against the dims before anything is
/// allocated, so a file claiming 2^40 elements or carrying too few bytes fails with a diagnostic, not an
/// OutOfMemoryException or a read past the end.
/// </summary>
internal static class OnnxTensorDecoder
{
    public static OnnxTensor Decode(TensorProto tensor, OnnxDiagnostics diagnostics)
    {
        var name = tensor.Name;
        if (tensor.DataLocation == TensorProto.Types.DataLocation.External || tensor.ExternalData.Count > 0)
        {
            throw diagnostics.UnsupportedFeature($"initializer '{name}' keeps its data in an external file; save the model with its data inside");
        }

        if (tensor.Dims.Any(dim => dim < 0))
        {
            throw diagnostics.Invalid($"initializer '{name}' has a negative dimension in {OnnxTensor.Describe(tensor.Dims)}");
        }

        var count = OnnxTensor.ElementCount(tensor.Dims);
        if (count < 0)
        {
            throw diagnostics.TooLarge($"initializer '{name}' has dims {OnnxTensor.Describe(tensor.Dims)}, more than {OnnxTensor.MaxElements} elements");
        }

        var type = (DataType)tensor.DataType;
        var elementBytes = type switch
        {
            DataType.Float or DataType.Int32 => 4,
            DataType.Double or DataType.Int64 => 8,
            _ => throw diagnostics.UnsupportedFeature($"initializer '{name}' has data type {DataTypeName(tensor.DataType)}; only FLOAT, DOUBLE, INT32 and INT64 are read"),
        };
        var shape = tensor.Dims.Select(dim => (int)dim).ToArray();
        var values = tensor.HasRawData ? FromRaw(tensor, type, count, elementBytes, diagnostics) : FromTyped(tensor, type, count, diagnostics);
        return new OnnxTensor(shape, values);
    }

    private static double[] FromRaw(TensorProto tensor, DataType type, long count, int elementBytes, OnnxDiagnostics diagnostics)
    {
        var raw = tensor.RawData.Span;
        if (raw.Length != count * elementBytes)
        {
            throw diagnostics.TooLarge($"initializer '{tensor.Name}' has {raw.Length} bytes of raw_data; dims {OnnxTensor.Describe(tensor.Dims)} of {type.ToString().ToUpperInvariant()} need {count * elementBytes}");
        }

        var values = new double[count];
        for (var i = 0; i < values.Length; i++)
        {
            var bytes = raw.Slice(i * elementBytes, elementBytes);
            values[i] = type switch
            {
                DataType.Float => BinaryPrimitives.ReadSingleLittleEndian(bytes),
                DataType.Double => BinaryPrimitives.ReadDoubleLittleEndian(bytes),
                DataType.Int32 => BinaryPrimitives.ReadInt32LittleEndian(bytes),
                _ => BinaryPrimitives.ReadInt64LittleEndian(bytes),
            };
        }

        return values;
    }

    private static double[] FromTyped(TensorProto tensor, DataType type, long count, OnnxDiagnostics diagnostics)
    {
        IReadOnlyList<double> values = type switch
        {
            DataType.Float => tensor.FloatData.Select(v => (double)v).ToList(),
            DataType.Double => tensor.DoubleData,
            DataType.Int32 => tensor.Int32Data.Select(v => (double)v).ToList(),
            _ => tensor.Int64Data.Select(v => (double)v).ToList(),
        };
        if (values.Count != count)
        {
            throw diagnostics.TooLarge($"initializer '{tensor.Name}' holds {values.Count} values; dims {OnnxTensor.Describe(tensor.Dims)} need {count}");
        }

        return values.ToArray();
    }

    public static string DataTypeName(int dataType) =>
        Enum.IsDefined((DataType)dataType) ? ((DataType)dataType).ToString().ToUpperInvariant() : $"#{dataType}";
}
