namespace TgeSwarm.Feeds.Venues.Coinbase;

/// <summary>One <c>l2_data</c> event read from a frame, waiting for the frame's end: its levels are ranges of the feed's level lists.</summary>
internal readonly record struct CoinbaseBookEvent(string Instrument, bool IsSnapshot, long Timestamp, int BidStart, int BidCount, int AskStart, int AskCount);
