using Codesign.Core.Graph;
using static TorchSharp.torch;

namespace Codesign.Training.Models;

/// <summary>
/// The boundary between the flow's channels-last layout and TorchSharp's channels-first convolutions. Rows come in
/// and go out as [batch, elements] in channels-last order ([height, width, channels] flattened), as the data, the
/// quantized graph, QONNX and HLS store them; inside a network an image is [batch, channels, height, width] and
/// every other tensor keeps its channels-last shape.
/// </summary>
public static class ChannelsLast
{
    /// <summary>[batch, elements] rows of <paramref name="shape"/> into the network's layout.</summary>
    public static Tensor ToNetwork(Tensor rows, TensorShape shape)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(shape);
        var batch = rows.shape[0];
        return shape.Rank == 3
            ? rows.reshape(batch, shape[0], shape[1], shape[2]).permute(0, 3, 1, 2)
            : rows.reshape([batch, .. shape.Dimensions.Select(d => (long)d)]);
    }

    /// <summary>A tensor of <paramref name="shape"/> in the network's layout back into channels-last [batch, elements] rows.</summary>
    public static Tensor ToRows(Tensor x, TensorShape shape)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(shape);
        var batch = x.shape[0];
        return (shape.Rank == 3 ? x.permute(0, 2, 3, 1) : x).reshape(batch, shape.Size);
    }
}
