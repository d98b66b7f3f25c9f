namespace TgeSwarm.Feeds.Venues.Okx;

internal enum OkxChannel
{
    None,
    Books,
    Trades,
    Tickers,
    Unknown,
}
