using System.Text;
using TgeSwarm.Feeds.Books;
using TgeSwarm.Feeds.Parsing;

namespace TgeSwarm.Feeds.Tests.Venues;

/// <summary>The incremental checksums (kept registers and level texts) against the checksum strings built from scratch.</summary>
public sealed class BookChecksumTests
{
    [Fact]
    public void Crc32_matches_the_standard_check_value_and_the_byte_at_a_time_definition()
    {
        Assert.Equal(0xCBF43926u, Crc32.Finish(Crc32.Append(Crc32.Initial, "123456789"u8)));
        var random = new Random(7);
        for (var length = 0; length < 100; length++)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            Assert.Equal(BytewiseCrc(bytes), Crc32.Finish(Crc32.Append(Crc32.Initial, bytes)));
        }
    }

    [Fact]
    public void Combining_a_texts_own_crc_and_length_equals_appending_the_text()
    {
        var random = new Random(8);
        for (var length = 0; length <= Crc32.MaxCombinedLength; length++)
        {
            var text = new byte[length];
            random.NextBytes(text);
            var register = (uint)random.Next() ^ ((uint)random.Next() << 16);

            Assert.Equal(Crc32.Append(register, text), Crc32.Combine(register, Crc32.Append(0, text), length));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Kraken_and_okx_checksums_kept_across_updates_equal_the_checksum_of_the_whole_string(int seed)
    {
        var random = new Random(seed);
        var kraken = new OrderBook();
        var okx = new OrderBook();
        for (var step = 0; step < 5000; step++)
        {
            var bid = random.Next(2) == 0;
            var price = bid ? 100m - (random.Next(0, 40) / 10m) : 100.1m + (random.Next(0, 40) / 10m);
            var level = new PriceLevel(random.Next(3) == 0 ? price + 0.00m : price, random.Next(4) == 0 ? 0m : random.Next(1, 100000) / 1000m);
            kraken.Apply(bid, level);
            okx.Apply(bid, level);
            if (step % 500 == 0)
            {
                kraken.Truncate(15);
            }

            if (step % 3 != 0)
            {
                Assert.Equal(Crc(KrakenString(kraken)), BookChecksums.Kraken(kraken));
                Assert.Equal(unchecked((int)Crc(OkxString(okx))), BookChecksums.Okx(okx));
            }

            if (step % 1000 == 999)
            {
                kraken.Clear();
                okx.Clear();
            }
        }
    }

    private static string KrakenString(OrderBook book)
    {
        var text = new StringBuilder();
        foreach (var side in new[] { book.Asks, book.Bids })
        {
            foreach (var level in side.ToArray().Take(10))
            {
                text.Append(Digits(level.Price)).Append(Digits(level.Size));
            }
        }

        return text.ToString();
    }

    private static string OkxString(OrderBook book)
    {
        var bids = book.Bids.ToArray();
        var asks = book.Asks.ToArray();
        var parts = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            if (i < bids.Length)
            {
                parts.Add(Invariant(bids[i].Price) + ":" + Invariant(bids[i].Size));
            }

            if (i < asks.Length)
            {
                parts.Add(Invariant(asks[i].Price) + ":" + Invariant(asks[i].Size));
            }
        }

        return string.Join(':', parts);
    }

    private static string Invariant(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Digits(decimal value) => new string([.. Invariant(value).Where(static c => c != '.')]).TrimStart('0');

    private static uint Crc(string text) => Crc32.Finish(Crc32.Append(Crc32.Initial, Encoding.ASCII.GetBytes(text)));

    private static uint BytewiseCrc(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
