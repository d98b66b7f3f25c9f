using System.Buffers.Text;
using System.Text;
using TgeSwarm.Feeds.Parsing;

namespace TgeSwarm.Feeds.Tests.Venues;

/// <summary>The eight-digits-at-once conversion and the one-pass seconds reader against the plain definitions.</summary>
public sealed class DigitTextTests
{
    [Fact]
    public void Up_to_eight_ascii_digits_are_read_at_once_and_anything_else_is_refused()
    {
        var random = new Random(9);
        for (var i = 0; i < 20_000; i++)
        {
            var bytes = new byte[8];
            for (var k = 0; k < bytes.Length; k++)
            {
                // Mostly digits, sometimes a neighbour of the digit range or any byte.
                bytes[k] = random.Next(8) switch
                {
                    0 => (byte)random.Next(256),
                    1 => (byte)(random.Next(2) == 0 ? '/' : ':'),
                    _ => (byte)('0' + random.Next(10)),
                };
            }

            var expected = Utf8Parser.TryParse(bytes, out uint value, out var consumed) && consumed == 8 && bytes.All(static b => b is >= (byte)'0' and <= (byte)'9');

            Assert.Equal(expected, AsciiDigits.TryReadEight(bytes, out var read));
            Assert.Equal(expected ? value : 0u, read);

            var leading = bytes.TakeWhile(static b => b is >= (byte)'0' and <= (byte)'9').Count();
            Assert.Equal(leading, AsciiDigits.ReadUpToEight(bytes, out var run));
            Assert.Equal(leading == 0 ? 0u : uint.Parse(Encoding.ASCII.GetString(bytes, 0, leading), System.Globalization.CultureInfo.InvariantCulture), run);
        }

        Assert.False(AsciiDigits.TryReadEight("1234567"u8, out _));
    }

    [Theory]
    [InlineData("1618678135.123456")]
    [InlineData("1618678135.1234567")]
    [InlineData("1618678135.12")]
    [InlineData("1618678135.")]
    [InlineData("1618678135")]
    [InlineData("0.000001")]
    [InlineData("999999999999.999999")]
    [InlineData("9999999999999.5")]
    [InlineData("-1.5")]
    [InlineData("+1.5")]
    [InlineData("1.5x")]
    [InlineData(".5")]
    [InlineData("")]
    public void Seconds_read_in_one_pass_equal_the_general_reading(string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);

        var general = Outcome(() => General(bytes));
        var plain = Timestamps.TryParseSecondsPlain(bytes, out var micros, out var consumed) && consumed == bytes.Length ? micros.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;

        Assert.Equal(general, Outcome(() => Timestamps.FromSecondsText(bytes)));
        if (plain is not null)
        {
            Assert.Equal(general, plain);
        }
    }

    [Fact]
    public void Random_seconds_texts_read_in_one_pass_equal_the_general_reading()
    {
        var random = new Random(10);
        for (var i = 0; i < 20_000; i++)
        {
            var text = new StringBuilder();
            for (var d = random.Next(1, 15); d > 0; d--)
            {
                text.Append((char)('0' + random.Next(10)));
            }

            if (random.Next(4) != 0)
            {
                text.Append('.');
                for (var d = random.Next(0, 13); d > 0; d--)
                {
                    text.Append((char)('0' + random.Next(10)));
                }
            }

            // Followed by the closing quote of the string it sits in, as the scanners read it.
            var bytes = Encoding.ASCII.GetBytes(text + "\",");
            var length = text.Length;
            if (Timestamps.TryParseSecondsPlain(bytes, out var micros, out var consumed))
            {
                Assert.Equal(length, consumed);
                Assert.Equal(Outcome(() => General(bytes[..length])), micros.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    // The definition: whole seconds by Utf8Parser, then the first six fraction digits as microseconds.
    private static long General(byte[] text)
    {
        var dot = Array.IndexOf(text, (byte)'.');
        var whole = dot < 0 ? text : text[..dot];
        if (!Utf8Parser.TryParse(whole, out long seconds, out var consumed) || consumed != whole.Length)
        {
            throw new FeedParseException(RejectReasons.BadNumber);
        }

        long fraction = 0;
        var digits = dot < 0 ? [] : text[(dot + 1)..];
        for (var i = 0; i < digits.Length; i++)
        {
            if (digits[i] is < (byte)'0' or > (byte)'9')
            {
                throw new FeedParseException(RejectReasons.BadNumber);
            }
        }

        for (var i = 0; i < 6; i++)
        {
            fraction = (fraction * 10) + (i < digits.Length ? digits[i] - '0' : 0);
        }

        return checked((seconds * 1_000_000) + fraction);
    }

    private static string Outcome(Func<long> read)
    {
        try
        {
            return read().ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (FeedParseException exception)
        {
            return exception.Reason;
        }
        catch (OverflowException)
        {
            // The feed reports a time beyond the range of microseconds as a bad number, not an overflow.
            return RejectReasons.BadNumber;
        }
    }
}
