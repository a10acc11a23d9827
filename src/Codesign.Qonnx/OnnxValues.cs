using System.Buffers.Binary;
using Codesign.Core.Graph;
using Codesign.Core.Numerics;
using Codesign.Qonnx.Onnx;
using Google.Protobuf;

namespace Codesign.Qonnx;

/// <summary>The small ONNX messages the writers repeat: typed tensors, value infos and attributes.</summary>
internal static class OnnxValues
{
    public static ValueInfoProto Batched(string name, TensorShape shape) =>
        Value(name, [new() { DimParam = QonnxWriter.BatchDimension }, .. shape.Dimensions.Select(size => new TensorShapeProto.Types.Dimension { DimValue = size })]);

    public static ValueInfoProto Fixed(string name, long[] shape) =>
        Value(name, shape.Select(size => new TensorShapeProto.Types.Dimension { DimValue = size }).ToArray());

    private static ValueInfoProto Value(string name, TensorShapeProto.Types.Dimension[] dimensions)
    {
        var shape = new TensorShapeProto();
        shape.Dim.AddRange(dimensions);
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }

    /// <summary>A float32 initializer with its values in <c>raw_data</c> (little-endian, row-major); no dims for a scalar.</summary>
    public static TensorProto FloatTensor(string name, long[] shape, ReadOnlySpan<float> values)
    {
        var bytes = new byte[values.Length * sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
        }

        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float, RawData = ByteString.CopyFrom(bytes) };
        tensor.Dims.AddRange(shape);
        return tensor;
    }

    public static TensorProto Int64Tensor(string name, long[] values)
    {
        var bytes = new byte[values.Length * sizeof(long)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * sizeof(long)), values[i]);
        }

        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64, RawData = ByteString.CopyFrom(bytes) };
        tensor.Dims.Add(values.Length);
        return tensor;
    }

    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    public static AttributeProto String(string name, string value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    /// <summary>The format's LSB as a float32 scale; a power of two is exact only within float32's normal range.</summary>
    public static float ScaleOf(FixedPointFormat format)
    {
        if (format.FractionalBits is > 126 or < -127)
        {
            throw new ArgumentException($"the LSB of {format}, 2^{-format.FractionalBits}, is not a normal float32", nameof(format));
        }

        return (float)format.Lsb;
    }

    /// <summary>All five Conv attributes hls4ml's handler reads (a missing one fails there), in alphabetical order.</summary>
    public static void AddConvAttributes(NodeProto node, Conv2dGeometry g)
    {
        node.Attribute.Add(Ints("dilations", 1, 1));
        node.Attribute.Add(Int("group", 1));
        node.Attribute.Add(Ints("kernel_shape", g.KernelHeight, g.KernelWidth));
        node.Attribute.Add(Ints("pads", g.PadTop, g.PadLeft, g.PadBottom, g.PadRight));
        node.Attribute.Add(Ints("strides", g.StrideHeight, g.StrideWidth));
    }

    /// <summary>
    /// A reshape as ONNX writes it: Flatten (axis 1) to rank 1, else Reshape with a shape initializer whose -1 keeps
    /// the batch dimension whatever its size.
    /// </summary>
    internal static void WriteReshape(IOnnxNodeWriter writer, ReshapeNode reshape)
    {
        if (reshape.Shape.Rank == 1)
        {
            writer.NodeProto("Flatten", reshape.Name, [reshape.Input], reshape.Output).Attribute.Add(Int("axis", 1));
            return;
        }

        var shape = Int64Tensor(reshape.Name + "_shape", [-1, .. reshape.Shape.Dimensions.Select(d => (long)d)]);
        writer.Initializer(shape);
        writer.NodeProto("Reshape", reshape.Name, [reshape.Input, shape.Name], reshape.Output);
    }
}
