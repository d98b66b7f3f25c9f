using TgeSwarm.Feeds;

namespace TgeSwarm.Grains.Market.Transform;

/// <summary>
/// What identifies a trade within its instrument: the venue's trade id; when the venue sends none (Kraken v1), the
/// time, price, size and side together. Two different trades agreeing on all four in the same microsecond is
/// possible but rare, and dropping one of them costs less than counting a redelivered frame twice.
/// </summary>
internal readonly record struct TradeKey(string Id, long Timestamp, decimal Price, decimal Size, TradeSide Side)
{
    private const int MaxNumberDigits = 18;

    public static TradeKey Of(Trade trade) => string.IsNullOrEmpty(trade.TradeId)
        ? new TradeKey(string.Empty, trade.Timestamp, trade.Price, trade.Size, trade.Side)
        : new TradeKey(trade.TradeId, 0, 0, 0, TradeSide.Unknown);

    /// <summary>
    /// The id as a number when it is one in canonical form (ASCII digits, no leading zero, at most 18 of them, so it
    /// fits a long): then the number and the string determine each other, and either can stand for the trade.
    /// </summary>
    public static bool TryNumber(string? id, out long number)
    {
        number = 0;
        if (id is null || id.Length is 0 or > MaxNumberDigits || (id[0] == '0' && id.Length > 1))
        {
            return false;
        }

        foreach (var c in id)
        {
            var digit = (uint)(c - '0');
            if (digit > 9)
            {
                return false;
            }

            number = (number * 10) + digit;
        }

        return true;
    }
}
