namespace TgeSwarm.Feeds;

/// <summary>The reasons a frame or a message in it is rejected, as counted in <see cref="FeedStatistics.Rejected"/>.</summary>
public static class RejectReasons
{
    /// <summary>The bytes are not JSON.</summary>
    public const string MalformedJson = "malformed_json";

    /// <summary>The JSON stops before its end (a cut frame).</summary>
    public const string Truncated = "truncated";

    /// <summary>Valid JSON of a channel, event or type the parser does not know.</summary>
    public const string UnknownType = "unknown_type";

    /// <summary>A known message missing a field or carrying one of the wrong JSON type.</summary>
    public const string Schema = "schema";

    /// <summary>A price, size, id or time that does not parse.</summary>
    public const string BadNumber = "bad_number";

    /// <summary>Larger than <see cref="FeedLimits.MaxFrameBytes"/>.</summary>
    public const string FrameTooLarge = "frame_too_large";

    /// <summary>A delta for a book that has no snapshot yet or lost its sequence (waiting for a resync).</summary>
    public const string BookNotSynced = "book_not_synced";
}
