namespace Codesign.Core.Artifacts;

/// <summary>A named float32 tensor, row-major, as stored in weight artifacts.</summary>
public sealed record NamedTensor(string Name, IReadOnlyList<int> Shape, float[] Values)
{
    public int ElementCount => Shape.Aggregate(1, (a, b) => a * b);
}

/// <summary>
/// Weight artifacts in our own small format, so that later stages (QONNX, HLS) read weights without loading
/// libtorch. Tensors keep the order they were written in, which makes the file byte-identical per model.
/// </summary>
public static class TensorFile
{
    private const string Magic = "CSDTENS\0";
    private const uint Version = 1;

    public static void Write(string path, IReadOnlyList<NamedTensor> tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        ChecksummedFile.Write(path, Magic, Version, writer =>
        {
            writer.Write(tensors.Count);
            foreach (var tensor in tensors)
            {
                if (tensor.ElementCount != tensor.Values.Length)
                {
                    throw new ArgumentException($"tensor '{tensor.Name}' has shape [{string.Join(",", tensor.Shape)}] but {tensor.Values.Length} values");
                }

                writer.Write(tensor.Name);
                writer.Write(tensor.Shape.Count);
                foreach (var dimension in tensor.Shape)
                {
                    writer.Write(dimension);
                }

                foreach (var value in tensor.Values)
                {
                    writer.Write(value);
                }
            }
        });
    }

    public static IReadOnlyList<NamedTensor> Read(string path) => ChecksummedFile.Read(path, Magic, Version, reader =>
    {
        var count = reader.ReadInt32();
        var tensors = new List<NamedTensor>(count);
        for (var t = 0; t < count; t++)
        {
            var name = reader.ReadString();
            var rank = reader.ReadInt32();
            var shape = new int[rank];
            for (var d = 0; d < rank; d++)
            {
                shape[d] = reader.ReadInt32();
            }

            var values = new float[shape.Aggregate(1, (a, b) => a * b)];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.ReadSingle();
            }

            tensors.Add(new NamedTensor(name, shape, values));
        }

        return (IReadOnlyList<NamedTensor>)tensors;
    });
}
