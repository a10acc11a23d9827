using System.Text;
using Codesign.Qonnx.Onnx;
using Google.Protobuf;

namespace Codesign.Qonnx.Reading;

/// <summary>Bytes or a file to a <see cref="ModelProto"/>, with every protobuf failure turned into CSD0401.</summary>
internal static class OnnxModelParser
{
    /// <summary>Protobuf's own 2 GB message limit; a larger file is not an ONNX model we can hold in memory anyway.</summary>
    public const long MaxFileBytes = int.MaxValue;

    /// <summary>
    /// Messages nest ModelProto → GraphProto → NodeProto → AttributeProto → GraphProto …; real models need a handful
    /// of levels. The limit keeps a crafted file from recursing the parser deeply.
    /// </summary>
    public const int RecursionLimit = 32;

    public static ModelProto Parse(byte[] bytes, OnnxDiagnostics diagnostics)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ModelProto model;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var input = CodedInputStream.CreateWithLimits(stream, int.MaxValue, RecursionLimit);
            model = ModelProto.Parser.ParseFrom(input);
        }
        catch (InvalidProtocolBufferException exception)
        {
            throw diagnostics.Malformed($"not a valid ONNX protobuf ({bytes.Length} bytes): {exception.Message}");
        }
        catch (DecoderFallbackException)
        {
            throw diagnostics.Malformed($"not a valid ONNX protobuf ({bytes.Length} bytes): a string field is not valid UTF-8");
        }

        if (model.Graph is null)
        {
            throw diagnostics.Malformed($"not an ONNX model: no graph in {bytes.Length} bytes");
        }

        return model;
    }

    public static byte[] ReadFile(string path, OnnxDiagnostics diagnostics)
    {
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxFileBytes)
            {
                throw diagnostics.TooLarge($"the file has {length} bytes, more than the {MaxFileBytes} a protobuf message can have");
            }

            return File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw diagnostics.Malformed($"cannot read the file: {exception.Message}");
        }
    }
}
