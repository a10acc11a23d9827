using Codesign.Core.Numerics;

namespace Codesign.Core.Graph;

/// <summary>The shape and format each node gives its output, and the rules its input and parameters must meet.</summary>
internal static class GraphInference
{
    public static GraphTensor OutputOf(GraphNode node, GraphTensor input) => node switch
    {
        QuantNode quant => new GraphTensor(node.Output, input.Shape, quant.Format),
        DenseNode dense => Dense(dense, input),
        Conv2dNode conv => Conv2d(conv, input),
        ReluNode => new GraphTensor(node.Output, input.Shape, RequireFormat(node, input)),
        ReshapeNode reshape => Reshape(reshape, input),
        SoftmaxNode softmax => Softmax(softmax, input),
        _ => throw new InvalidGraphException($"node '{node.Name}' is a {node.GetType().Name}, which the IR does not know"),
    };

    private static GraphTensor Dense(DenseNode dense, GraphTensor input)
    {
        var inputFormat = RequireFormat(dense, input);
        if (input.Shape.Rank != 1 || input.Shape[0] != dense.Inputs)
        {
            throw new InvalidGraphException($"dense '{dense.Name}' takes {dense.Inputs} inputs but '{input.Name}' has shape {input.Shape}");
        }

        if (dense.Units < 1 || dense.WeightCodes.Length != dense.Inputs * dense.Units || dense.BiasCodes.Length != dense.Units)
        {
            throw new InvalidGraphException($"dense '{dense.Name}' has {dense.WeightCodes.Length} weights and {dense.BiasCodes.Length} biases for {dense.Inputs} inputs and {dense.Units} units");
        }

        CheckParameters(dense.Name, dense.WeightFormat, dense.WeightCodes, dense.BiasFormat, dense.BiasCodes);
        var accumulator = AccumulatorFormat.For(inputFormat, dense.WeightFormat, dense.WeightCodes, dense.BiasFormat, dense.BiasCodes, dense.Units, dense.Name);
        return new GraphTensor(dense.Output, new TensorShape(dense.Units), accumulator);
    }

    private static GraphTensor Conv2d(Conv2dNode conv, GraphTensor input)
    {
        var inputFormat = RequireFormat(conv, input);
        var geometry = conv.Geometry;
        try
        {
            geometry.Validate();
        }
        catch (ArgumentException exception)
        {
            throw new InvalidGraphException($"conv2d '{conv.Name}': {exception.Message}");
        }

        if (input.Shape.Rank != 3 || input.Shape[2] != geometry.InChannels)
        {
            throw new InvalidGraphException($"conv2d '{conv.Name}' takes [height, width, {geometry.InChannels}] but '{input.Name}' has shape {input.Shape}");
        }

        if (conv.WeightCodes.Length != geometry.WeightCount || conv.BiasCodes.Length != geometry.OutChannels)
        {
            throw new InvalidGraphException($"conv2d '{conv.Name}' has {conv.WeightCodes.Length} weights and {conv.BiasCodes.Length} biases; its geometry needs {geometry.WeightCount} and {geometry.OutChannels}");
        }

        TensorShape shape;
        try
        {
            shape = geometry.OutputShape(input.Shape[0], input.Shape[1]);
        }
        catch (ArgumentException exception)
        {
            throw new InvalidGraphException($"conv2d '{conv.Name}': {exception.Message}");
        }

        CheckParameters(conv.Name, conv.WeightFormat, conv.WeightCodes, conv.BiasFormat, conv.BiasCodes);
        var accumulator = AccumulatorFormat.For(inputFormat, conv.WeightFormat, conv.WeightCodes, conv.BiasFormat, conv.BiasCodes, geometry.OutChannels, conv.Name);
        return new GraphTensor(conv.Output, shape, accumulator);
    }

    private static GraphTensor Reshape(ReshapeNode reshape, GraphTensor input)
    {
        if (reshape.Shape.Size != input.Shape.Size)
        {
            throw new InvalidGraphException($"reshape '{reshape.Name}' turns {input.Shape} ({input.Shape.Size} elements) into {reshape.Shape} ({reshape.Shape.Size})");
        }

        return new GraphTensor(reshape.Output, reshape.Shape, input.Format);
    }

    private static GraphTensor Softmax(SoftmaxNode softmax, GraphTensor input)
    {
        var format = RequireFormat(softmax, input);
        var tables = softmax.Tables;
        var name = softmax.Name;
        if (input.Shape.Rank != 1)
        {
            throw new InvalidGraphException($"softmax '{name}' takes a vector but '{input.Name}' has shape {input.Shape}");
        }

        if (format.TotalBits > SoftmaxTables.MaxInputBits)
        {
            throw new InvalidGraphException($"softmax '{name}' reads {format}; softmax inputs are at most {SoftmaxTables.MaxInputBits} bits wide");
        }

        if (tables.ExpFormat.IsSigned || tables.InverseFormat.IsSigned || tables.OutputFormat.IsSigned)
        {
            throw new InvalidGraphException($"softmax '{name}': its table and output formats must be unsigned");
        }

        if (tables.ExpCodes.Length == 0 || tables.InverseCodes.Length == 0 || tables.ExpIndexShift is < 0 or > 62 || tables.InverseIndexShift is < 0 or > 62)
        {
            throw new InvalidGraphException($"softmax '{name}' needs non-empty tables and index shifts from 0 to 62");
        }

        CheckCodes(name, "exp table entry", tables.ExpCodes, tables.ExpFormat);
        CheckCodes(name, "inverse table entry", tables.InverseCodes, tables.InverseFormat);
        for (var j = 1; j < tables.ExpCodes.Length; j++)
        {
            // The max's own entry is the largest one, so the inverse table's index (sum minus that entry) is never negative.
            if (tables.ExpCodes[j] > tables.ExpCodes[0])
            {
                throw new InvalidGraphException($"softmax '{name}': exp table entry {j} ({tables.ExpCodes[j]}) exceeds entry 0 ({tables.ExpCodes[0]})");
            }
        }

        if (tables.SumFormat(input.Shape[0]).TotalBits > 62 || tables.ProductFormat.TotalBits > 62)
        {
            throw new InvalidGraphException($"softmax '{name}': its sums or products would need more than 62 bits");
        }

        return new GraphTensor(softmax.Output, input.Shape, tables.OutputFormat);
    }

    private static FixedPointFormat RequireFormat(GraphNode node, GraphTensor input) =>
        input.Format ?? throw new InvalidGraphException($"node '{node.Name}' reads '{input.Name}', which is not quantized; put a Quant node before it");

    private static void CheckParameters(string layer, FixedPointFormat weight, long[] weightCodes, FixedPointFormat bias, long[] biasCodes)
    {
        CheckCodes(layer, "weight", weightCodes, weight);
        CheckCodes(layer, "bias", biasCodes, bias);
    }

    private static void CheckCodes(string layer, string what, long[] codes, FixedPointFormat format)
    {
        for (var i = 0; i < codes.Length; i++)
        {
            if (codes[i] < format.MinCode || codes[i] > format.MaxCode)
            {
                throw new InvalidGraphException($"layer '{layer}': {what} {i} has code {codes[i]}, outside {format} [{format.MinCode}, {format.MaxCode}]");
            }
        }
    }
}
