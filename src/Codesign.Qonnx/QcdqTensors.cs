using System.Buffers.Binary;
using Codesign.Core.Graph;
using Codesign.Qonnx.Onnx;
using Google.Protobuf;

namespace Codesign.Qonnx;

/// <summary>Typed ONNX values for the QCDQ writer: integer initializers and value infos of any element type.</summary>
internal static class QcdqTensors
{
    /// <summary>An integer initializer in <c>raw_data</c> (little-endian, row-major); no dims for a scalar.</summary>
    public static TensorProto Integers(string name, TensorProto.Types.DataType type, long[] shape, ReadOnlySpan<long> codes)
    {
        var size = type switch
        {
            TensorProto.Types.DataType.Int8 or TensorProto.Types.DataType.Uint8 => 1,
            TensorProto.Types.DataType.Int16 or TensorProto.Types.DataType.Uint16 => 2,
            TensorProto.Types.DataType.Int32 => 4,
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not an integer element type of the QCDQ writer"),
        };
        var (min, max) = Range(type);
        var bytes = new byte[codes.Length * size];
        for (var i = 0; i < codes.Length; i++)
        {
            var code = codes[i];
            if (code < min || code > max)
            {
                throw new ArgumentException($"'{name}' code {code} does not fit {type}", nameof(codes));
            }

            var slot = bytes.AsSpan(i * size, size);
            switch (size)
            {
                case 1:
                    slot[0] = unchecked((byte)code);
                    break;
                case 2:
                    BinaryPrimitives.WriteUInt16LittleEndian(slot, unchecked((ushort)code));
                    break;
                default:
                    BinaryPrimitives.WriteInt32LittleEndian(slot, (int)code);
                    break;
            }
        }

        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(bytes) };
        tensor.Dims.AddRange(shape);
        return tensor;
    }

    public static (long Min, long Max) Range(TensorProto.Types.DataType type) => type switch
    {
        TensorProto.Types.DataType.Int8 => (sbyte.MinValue, sbyte.MaxValue),
        TensorProto.Types.DataType.Uint8 => (byte.MinValue, byte.MaxValue),
        TensorProto.Types.DataType.Int16 => (short.MinValue, short.MaxValue),
        TensorProto.Types.DataType.Uint16 => (ushort.MinValue, ushort.MaxValue),
        TensorProto.Types.DataType.Int32 => (int.MinValue, int.MaxValue),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not an integer element type of the QCDQ writer"),
    };

    /// <summary>A value info of <paramref name="type"/> with the symbolic batch dimension before the IR shape.</summary>
    public static ValueInfoProto Batched(string name, TensorShape shape, TensorProto.Types.DataType type) =>
        Value(name, type, [new() { DimParam = QonnxWriter.BatchDimension }, .. shape.Dimensions.Select(size => new TensorShapeProto.Types.Dimension { DimValue = size })]);

    /// <summary>A value info of <paramref name="type"/> with a fixed shape (weights and biases).</summary>
    public static ValueInfoProto Fixed(string name, long[] shape, TensorProto.Types.DataType type) =>
        Value(name, type, shape.Select(size => new TensorShapeProto.Types.Dimension { DimValue = size }).ToArray());

    private static ValueInfoProto Value(string name, TensorProto.Types.DataType type, TensorShapeProto.Types.Dimension[] dimensions)
    {
        var shape = new TensorShapeProto();
        shape.Dim.AddRange(dimensions);
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }
}
