namespace TgeSwarm.Feeds.Venues.Kraken;

/// <summary>
/// Finds the channel name and pair at the end of a Kraken v1 data frame (<c>…,"book-1000","XBT/CHF"]</c>) by reading
/// it backwards, so the payloads before them can be parsed in the forward pass. Only the plain shape is accepted: no
/// whitespace, no escapes; anything else returns false and the frame is read the slower way.
/// </summary>
internal static class KrakenV1Tail
{
    public static bool TryRead(ReadOnlySpan<byte> frame, out Range channel, out Range pair)
    {
        channel = default;
        var end = frame.Length - 1;
        if (!TryString(frame, end - 1, out pair, out var before) || before < 0 || frame[before] != ',')
        {
            return false;
        }

        return end >= 0 && frame[end] == ']' && TryString(frame, before - 1, out channel, out _);
    }

    // A string whose closing quote is at close: its content, and the index just before its opening quote.
    private static bool TryString(ReadOnlySpan<byte> frame, int close, out Range content, out int before)
    {
        content = default;
        before = -1;
        if (close < 1 || frame[close] != '"')
        {
            return false;
        }

        var open = frame[..close].LastIndexOfAny((byte)'"', (byte)'\\');
        if (open < 1 || frame[open] != '"' || frame[open - 1] == '\\' || open + 1 == close)
        {
            return false;
        }

        content = new Range(open + 1, close);
        before = open - 1;
        return true;
    }
}
