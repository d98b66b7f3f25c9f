using System.Globalization;

namespace TgeSwarm.Feeds.Exchange.Scripts;

/// <summary>
/// A price-level book kept with the venue's own strings (so a level written back reads exactly as received),
/// used to work out the one diff that takes a book back to a recorded snapshot.
/// </summary>
internal sealed class BookSides
{
    private readonly SortedDictionary<decimal, (string Price, string Size)> _bids = [];
    private readonly SortedDictionary<decimal, (string Price, string Size)> _asks = [];

    public BookSides(List<(string Price, string Size)> bids, List<(string Price, string Size)> asks) => Apply(bids, asks);

    /// <summary>Absolute sizes per level; a zero size removes the level.</summary>
    public void Apply(List<(string Price, string Size)> bids, List<(string Price, string Size)> asks)
    {
        Apply(_bids, bids);
        Apply(_asks, asks);
    }

    /// <summary>The levels that turn the bids into <paramref name="target"/>: removals as size zero, then every level that differs.</summary>
    public List<(string Price, string Size)> BidsBackTo(List<(string Price, string Size)> target) => BackTo(_bids, target);

    public List<(string Price, string Size)> AsksBackTo(List<(string Price, string Size)> target) => BackTo(_asks, target);

    private static void Apply(SortedDictionary<decimal, (string Price, string Size)> side, List<(string Price, string Size)> levels)
    {
        foreach (var level in levels)
        {
            var price = decimal.Parse(level.Price, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (decimal.Parse(level.Size, NumberStyles.Float, CultureInfo.InvariantCulture) == 0)
            {
                side.Remove(price);
            }
            else
            {
                side[price] = level;
            }
        }
    }

    private static List<(string Price, string Size)> BackTo(SortedDictionary<decimal, (string Price, string Size)> side, List<(string Price, string Size)> target)
    {
        var wanted = new SortedDictionary<decimal, (string Price, string Size)>();
        Apply(wanted, target);
        var levels = new List<(string Price, string Size)>();
        foreach (var (price, level) in side)
        {
            if (!wanted.ContainsKey(price))
            {
                levels.Add((level.Price, "0.00000000"));
            }
        }

        foreach (var (price, level) in wanted)
        {
            if (!side.TryGetValue(price, out var held) || decimal.Parse(held.Size, CultureInfo.InvariantCulture) != decimal.Parse(level.Size, CultureInfo.InvariantCulture))
            {
                levels.Add(level);
            }
        }

        return levels;
    }
}
