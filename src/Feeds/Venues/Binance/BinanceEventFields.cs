namespace TgeSwarm.Feeds.Venues.Binance;

/// <summary>The fields of one Binance event, gathered in any order before the event is interpreted.</summary>
internal struct BinanceEventFields
{
    public BinanceEventType Type;
    public string? Instrument;
    public long EventTime;
    public long TradeTime;
    public long FirstId;
    public long FinalId;
    public bool HasFinalId;
    public string? TradeId;
    public decimal Price;
    public decimal Quantity;
    public bool BuyerIsMaker;
    public bool HasLevels;
}

internal enum BinanceEventType
{
    None,
    DepthUpdate,
    AggTrade,
    Trade,
    Kline,
    Unknown,
}
