using TgeSwarm.Feeds.Books;

namespace TgeSwarm.Feeds.Tests.Venues;

/// <summary><see cref="BookSide"/> against a sorted dictionary doing the same operations.</summary>
public sealed class BookSideTests
{
    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 2)]
    [InlineData(true, 3)]
    [InlineData(false, 4)]
    public void Random_inserts_updates_removals_and_truncations_match_a_sorted_dictionary(bool bids, int seed)
    {
        var random = new Random(seed);
        var side = new BookSide(higherIsBetter: bids);
        var model = new SortedDictionary<decimal, decimal>(bids ? Comparer<decimal>.Create(static (a, b) => b.CompareTo(a)) : Comparer<decimal>.Default);
        for (var step = 0; step < 20_000; step++)
        {
            // Mostly near a drifting mid price, as venues send them; some far away; a quarter removals.
            var mid = 1000 + (step / 100);
            var price = Math.Round(mid + ((decimal)(random.NextDouble() - 0.5) * (random.Next(10) == 0 ? 400 : 20)), 1);
            var size = random.Next(4) == 0 ? 0m : random.Next(1, 1000) / 100m;
            side.Apply(price, size);
            if (size == 0)
            {
                model.Remove(price);
            }
            else
            {
                model[price] = size;
            }

            if (step % 997 == 0)
            {
                side.Truncate(50);
                Truncate(model, 50);
            }

            if (step % 101 == 0)
            {
                AssertSame(model, side);
            }
        }

        AssertSame(model, side);
    }

    [Theory]
    [InlineData(true, 5)]
    [InlineData(false, 6)]
    public void Prices_of_mixed_scales_and_signs_match_a_sorted_dictionary_by_value(bool bids, int seed)
    {
        // Mostly one scale (the keyed search), now and then another scale, a negative price or a mantissa beyond 64
        // bits (the decimal search), and the side emptied now and then so the keys start again.
        var random = new Random(seed);
        var side = new BookSide(higherIsBetter: bids);
        var model = new SortedDictionary<decimal, decimal>(bids ? Comparer<decimal>.Create(static (a, b) => b.CompareTo(a)) : Comparer<decimal>.Default);
        var keyedSteps = 0;
        for (var step = 0; step < 20_000; step++)
        {
            var price = Math.Round(100 + ((decimal)(random.NextDouble() - 0.5) * 10), 2);
            price = random.Next(50) switch
            {
                0 => price * 1.0m,
                1 => -price,
                2 => price + 0.000000000000000000000001m - 0.000000000000000000000001m,
                3 => price * 1.000m,
                _ => price,
            };
            var size = random.Next(3) == 0 ? 0m : random.Next(1, 1000) / 100m;
            side.Apply(price, size);
            if (size == 0)
            {
                model.Remove(price);
            }
            else
            {
                model[price] = size;
            }

            if (step % 2_003 == 0)
            {
                side.Truncate(0);
                model.Clear();
            }

            keyedSteps += side.IsKeyed ? 1 : 0;
            if (step % 101 == 0)
            {
                AssertSame(model, side);
            }
        }

        AssertSame(model, side);
        Assert.InRange(keyedSteps, 1, 19_999);
    }

    [Fact]
    public void The_keys_stop_at_a_price_of_another_scale_and_start_again_once_the_side_is_empty()
    {
        var side = new BookSide(higherIsBetter: false);
        side.ApplyAll([new PriceLevel(10.50m, 1m), new PriceLevel(10.60m, 2m)]);
        Assert.True(side.IsKeyed);

        side.Apply(10.5m, 3m);
        Assert.True(side.IsKeyed);
        side.Apply(10.55m, 1m);
        Assert.True(side.IsKeyed);
        side.Apply(10.525m, 1m);
        Assert.False(side.IsKeyed);
        Assert.Equal([new PriceLevel(10.50m, 3m), new PriceLevel(10.525m, 1m), new PriceLevel(10.55m, 1m), new PriceLevel(10.60m, 2m)], side.ToArray());

        side.Clear();
        side.Apply(7.1m, 1m);
        side.Apply(7.0m, 1m);
        Assert.True(side.IsKeyed);
        Assert.Equal([new PriceLevel(7.0m, 1m), new PriceLevel(7.1m, 1m)], side.ToArray());
    }

    [Fact]
    public void A_snapshot_sent_best_first_loads_into_an_empty_side()
    {
        var side = new BookSide(higherIsBetter: false);

        side.ApplyAll([new PriceLevel(10.5m, 1m), new PriceLevel(10.6m, 2m), new PriceLevel(10.70m, 3m)]);

        Assert.Equal([new PriceLevel(10.5m, 1m), new PriceLevel(10.6m, 2m), new PriceLevel(10.70m, 3m)], side.ToArray());
        Assert.Equal("10.70", side.PriceAt(2).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_snapshot_out_of_order_or_with_repeats_and_zeros_is_applied_level_by_level()
    {
        var side = new BookSide(higherIsBetter: true);

        side.ApplyAll([new PriceLevel(10m, 1m), new PriceLevel(12m, 2m), new PriceLevel(10m, 0m), new PriceLevel(11m, 5m), new PriceLevel(12m, 3m)]);

        Assert.Equal([new PriceLevel(12m, 3m), new PriceLevel(11m, 5m)], side.ToArray());
    }

    [Fact]
    public void A_price_sent_with_another_scale_updates_the_same_level_and_keeps_the_first_text()
    {
        var side = new BookSide(higherIsBetter: true);
        side.Apply(1.50m, 1m);

        side.Apply(1.5m, 2m);

        var level = Assert.Single(side.ToArray());
        Assert.Equal(2m, level.Size);
        Assert.Equal("1.50", level.Price.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_changed_rank_is_the_best_rank_a_change_reached_since_it_was_last_taken()
    {
        var side = new BookSide(higherIsBetter: false);
        side.ApplyAll([new PriceLevel(1m, 1m), new PriceLevel(2m, 1m), new PriceLevel(3m, 1m), new PriceLevel(4m, 1m)]);
        Assert.Equal(0, side.TakeChangedForChecksum());
        Assert.Equal(int.MaxValue, side.TakeChangedForChecksum());

        side.Apply(3m, 7m);
        side.Apply(5m, 1m);
        Assert.Equal(2, side.TakeChangedForChecksum());

        side.Apply(2.5m, 1m);
        Assert.Equal(2, side.TakeChangedForChecksum());

        side.Truncate(3);
        Assert.Equal(3, side.TakeChangedForChecksum());

        side.Apply(1m, 0m);
        Assert.Equal(0, side.TakeChangedForChecksum());
    }

    [Fact]
    public void Depth_follows_changes_within_the_summed_levels_only()
    {
        var side = new BookSide(higherIsBetter: true);
        side.ApplyAll([new PriceLevel(5m, 1m), new PriceLevel(4m, 2m), new PriceLevel(3m, 4m)]);
        Assert.Equal(3m, side.Depth(2));

        side.Apply(3m, 10m);
        Assert.Equal(3m, side.Depth(2));

        side.Apply(6m, 0.5m);
        Assert.Equal(1.5m, side.Depth(2));
        Assert.Equal(13.5m, side.Depth(10));
    }

    [Fact]
    public void Decimals_compare_and_add_as_decimal_does_whatever_their_scales_and_signs()
    {
        var random = new Random(11);
        for (var i = 0; i < 50_000; i++)
        {
            var a = Random(random);
            var b = random.Next(3) == 0 ? a : Random(random);

            Assert.Equal(Math.Sign(a.CompareTo(b)), Math.Sign(FastDecimal.Compare(a, b)));
            Assert.Equal(decimal.GetBits(a + b), decimal.GetBits(FastDecimal.Add(a, b)));
            Assert.Equal(a == 0, FastDecimal.IsZero(a));
            Assert.Equal(a > 0, FastDecimal.IsPositive(a));
            AssertMultipliesAsDecimal(a, b);
        }
    }

    [Fact]
    public void Decimals_multiply_as_decimal_does_up_to_and_past_96_bits_and_28_places()
    {
        var random = new Random(12);
        for (var i = 0; i < 50_000; i++)
        {
            // 64-bit mantissas of every length (the fast path) and some wider, scales up to 20 so sums pass 28.
            var a = WideRandom(random);
            var b = random.Next(4) == 0 ? a : WideRandom(random);

            AssertMultipliesAsDecimal(a, b);
        }

        AssertMultipliesAsDecimal(0.00m, 1.5m);
        AssertMultipliesAsDecimal(1.10m, 2.000m);
        AssertMultipliesAsDecimal(decimal.MaxValue, 1m);
        AssertMultipliesAsDecimal(decimal.MaxValue, 2m);
    }

    private static decimal Random(Random random) =>
        new(random.Next(4) == 0 ? 0 : random.Next(), random.Next(3) == 0 ? random.Next() : 0, random.Next(5) == 0 ? random.Next() : 0, random.Next(4) == 0, (byte)random.Next(0, 4));

    // The same value, scale and sign as decimal's operator, or the same overflow.
    private static void AssertMultipliesAsDecimal(decimal a, decimal b)
    {
        decimal expected;
        try
        {
            expected = a * b;
        }
        catch (OverflowException)
        {
            Assert.Throws<OverflowException>(() => FastDecimal.Multiply(a, b));
            return;
        }

        Assert.Equal(decimal.GetBits(expected), decimal.GetBits(FastDecimal.Multiply(a, b)));
    }

    private static decimal WideRandom(Random random)
    {
        var bits = random.Next(0, 65);
        var mantissa = bits == 0 ? 0UL : ((ulong)random.NextInt64() >> (64 - bits)) | (bits == 64 ? 1UL << 63 : 0UL);
        var high = random.Next(8) == 0 ? random.Next() : 0;
        return new decimal(unchecked((int)mantissa), unchecked((int)(mantissa >> 32)), high, random.Next(6) == 0, (byte)random.Next(0, 21));
    }

    private static void Truncate(SortedDictionary<decimal, decimal> model, int depth)
    {
        foreach (var price in model.Keys.Skip(depth).ToList())
        {
            model.Remove(price);
        }
    }

    private static void AssertSame(SortedDictionary<decimal, decimal> model, BookSide side)
    {
        Assert.Equal(model.Select(static l => new PriceLevel(l.Key, l.Value)), side.ToArray());
        Assert.Equal(model.Values.Take(BookTop.DepthLevels).Sum(), side.Depth(BookTop.DepthLevels));
    }
}
