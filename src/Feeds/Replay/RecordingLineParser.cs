using System.Text.Json;
using TgeSwarm.Feeds.Parsing;

namespace TgeSwarm.Feeds.Replay;

/// <summary>
/// Reads one line of a cryptofeed v3 recording: <c>{"t":"recv","conn":"…","ts":1633998512.06,"data":"{…}"}</c>.
/// The frame sits in the line as a JSON string; it is unescaped into <paramref name="scratch"/>, never into a .NET string.
/// </summary>
internal static class RecordingLineParser
{
    public static RecordedLine Parse(ReadOnlySpan<byte> line, ScratchBuffer scratch)
    {
        var reader = new Utf8JsonReader(line, isFinalBlock: true, state: default);
        Json.Expect(ref reader, JsonTokenType.StartObject);
        var kind = RecordedLineKind.RawFrame;
        string? connection = null;
        string? address = null;
        double seconds = 0;
        var dataLength = -1;
        while (true)
        {
            Json.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            if (reader.ValueTextEquals("t"u8))
            {
                Json.Read(ref reader);
                kind = KindOf(Json.GetRawString(ref reader));
            }
            else if (reader.ValueTextEquals("conn"u8))
            {
                Json.Read(ref reader);
                connection = reader.GetString();
            }
            else if (reader.ValueTextEquals("ts"u8))
            {
                Json.Read(ref reader);
                seconds = reader.TokenType == JsonTokenType.Number ? reader.GetDouble() : throw new FeedParseException(RejectReasons.Schema);
            }
            else if (reader.ValueTextEquals("url"u8) || reader.ValueTextEquals("addr"u8))
            {
                Json.Read(ref reader);
                address = reader.GetString();
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                Json.Read(ref reader);
                dataLength = reader.TokenType == JsonTokenType.String ? CopyData(ref reader, scratch) : -1;
                if (dataLength < 0)
                {
                    Json.Skip(ref reader);
                }
            }
            else
            {
                Json.SkipValue(ref reader);
            }
        }

        return kind == RecordedLineKind.RawFrame
            ? new RecordedLine(kind, null, null, 0, line)
            : new RecordedLine(kind, connection, address, seconds, dataLength < 0 ? default : scratch.Bytes.AsSpan(0, dataLength));
    }

    private static int CopyData(ref Utf8JsonReader reader, ScratchBuffer scratch)
    {
        var needed = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        return reader.CopyString(scratch.Ensure(needed));
    }

    private static RecordedLineKind KindOf(ReadOnlySpan<byte> t) =>
        t.SequenceEqual("recv"u8) ? RecordedLineKind.Receive
        : t.SequenceEqual("http"u8) ? RecordedLineKind.Http
        : t.SequenceEqual("connect"u8) ? RecordedLineKind.Connect
        : t.SequenceEqual("send"u8) ? RecordedLineKind.Send
        : t.SequenceEqual("header"u8) ? RecordedLineKind.Header
        : RecordedLineKind.Other;
}
