using TgeSwarm.Feeds;
using TgeSwarm.Grains.Market.Validation;
using TgeSwarm.Runtime.Testing;
using static TgeSwarm.Grains.Tests.Market.Validation.TestMarketEvents;

namespace TgeSwarm.Grains.Tests.Market.Validation;

public sealed class MarketValidatorBookTests
{
    private readonly MarketValidator _validator = new(new MarketValidationOptions(), new FakeTimeProvider(Start));

    [Fact]
    public void A_well_formed_delta_and_snapshot_are_accepted()
    {
        Assert.True(_validator.TryValidate(Book(), out _));
        Assert.True(_validator.TryValidate(Book(snapshot: true), out _));

        Assert.Equal(2, _validator.Statistics.AcceptedBooks);
    }

    [Fact]
    public void A_zero_size_removes_a_level_in_a_delta_and_is_accepted()
    {
        Assert.True(_validator.TryValidate(Book(bids: [new PriceLevel(98m, 0m)], asks: []), out _));
    }

    [Fact]
    public void A_one_sided_or_empty_book_is_not_crossed()
    {
        Assert.True(_validator.TryValidate(Book(top: new BookTop(0m, 0m, 101m, 1m, 0m, 1m)), out _));
        Assert.True(_validator.TryValidate(Book(bids: [], asks: [], snapshot: true, top: default(BookTop)), out _));
    }

    public static TheoryData<string, string, BookUpdate> BadBooks => new()
    {
        { ValidationReasons.Schema, "missing instrument", Book(instrument: string.Empty) },
        { ValidationReasons.Schema, "missing book side", Book() with { Bids = null! } },
        { ValidationReasons.Schema, "not UTC microseconds", Book(timestamp: 0) },
        { ValidationReasons.NonPositivePrice, "bid level 1: price 0", Book(bids: [new PriceLevel(99m, 1m), new PriceLevel(0m, 1m)]) },
        { ValidationReasons.NonPositivePrice, "ask level 0: price -101", Book(asks: [new PriceLevel(-101m, 1m)]) },
        { ValidationReasons.NonPositiveSize, "ask level 0: size -1", Book(asks: [new PriceLevel(101m, -1m)]) },
        { ValidationReasons.NonPositiveSize, "bid level 0: size 0 in a snapshot", Book(bids: [new PriceLevel(99m, 0m)], snapshot: true) },
        { ValidationReasons.CrossedBook, "best bid 101 at or above best ask 100", Book(top: new BookTop(101m, 1m, 100m, 1m, 1m, 1m)) },
        { ValidationReasons.CrossedBook, "best bid 100 at or above best ask 100", Book(top: new BookTop(100m, 1m, 100m, 1m, 1m, 1m)) },
        { ValidationReasons.FutureTimestamp, "ahead of the clock", Book(timestamp: StartMicros + 6_000_000) },
        { ValidationReasons.StaleTimestamp, "old", Book(timestamp: StartMicros - 7_200_000_000) },
    };

    [Theory]
    [MemberData(nameof(BadBooks))]
    public void Each_kind_of_bad_book_update_is_rejected_with_its_reason(string expected, string detailPart, BookUpdate book)
    {
        Assert.False(_validator.TryValidate(book, out var reason, out var detail));

        Assert.Equal(expected, reason);
        Assert.Contains(detailPart, detail, StringComparison.Ordinal);
        Assert.Equal(1, _validator.Statistics.RejectedByReason[expected]);
        Assert.Equal(0, _validator.Statistics.AcceptedBooks);
    }

    [Fact]
    public void A_book_reject_record_is_of_kind_book()
    {
        var book = Book(top: new BookTop(101m, 1m, 100m, 1m, 1m, 1m), venue: Venue.Okx);
        Assert.False(_validator.TryValidate(book, out var reason, out var detail));

        var reject = MarketRejects.Of(book, reason, detail);

        Assert.Equal(new Interfaces.Market.MarketReject("okx", "BTC-USDT", "book", "crossed_book", "best bid 101 at or above best ask 100", StartMicros), reject);
    }
}
