using System.Text.Json;

namespace TgeSwarm.Bench.Baselines;

/// <summary>The parse baseline: every token of a frame read by <see cref="Utf8JsonReader"/>, nothing built.</summary>
internal static class Utf8JsonReaderPass
{
    public static int Read(ReadOnlySpan<byte> frame)
    {
        var reader = new Utf8JsonReader(frame);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }
}
