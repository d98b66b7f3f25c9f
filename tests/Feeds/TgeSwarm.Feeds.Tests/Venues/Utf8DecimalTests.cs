using System.Globalization;
using System.Text;
using TgeSwarm.Feeds.Parsing;

namespace TgeSwarm.Feeds.Tests.Venues;

/// <summary><see cref="Utf8Decimal"/>'s fast paths give exactly what the framework gives, scale included.</summary>
public sealed class Utf8DecimalTests
{
    private const NumberStyles Style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    [Theory]
    [InlineData("0")]
    [InlineData("0.0")]
    [InlineData("0.00000000")]
    [InlineData("30228.80")]
    [InlineData("0.10000000")]
    [InlineData("1618678135.123456")]
    [InlineData("9999999999999999999")]
    [InlineData("18446744073709551615")]
    [InlineData("0.0000000000000000001")]
    [InlineData("00012.5")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("1e-5")]
    [InlineData("-3.25")]
    [InlineData("+3.25")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("1.2.3")]
    [InlineData("3O236")]
    [InlineData(" 1")]
    [InlineData("")]
    [InlineData(".")]
    public void Parsing_gives_the_frameworks_value_and_scale_or_its_failure(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var expectedOk = decimal.TryParse(bytes, Style, CultureInfo.InvariantCulture, out var expected);

        var ok = Utf8Decimal.TryParse(bytes, out var value);

        Assert.Equal(expectedOk, ok);
        Assert.Equal(decimal.GetBits(expected), decimal.GetBits(value));
    }

    [Fact]
    public void Random_digit_strings_parse_as_the_framework_parses_them()
    {
        var random = new Random(5);
        for (var i = 0; i < 20_000; i++)
        {
            var whole = random.Next(0, 12);
            var fraction = random.Next(0, 12);
            var text = new StringBuilder();
            for (var d = 0; d < Math.Max(1, whole); d++)
            {
                text.Append((char)('0' + random.Next(10)));
            }

            if (fraction > 0)
            {
                text.Append('.');
                for (var d = 0; d < fraction; d++)
                {
                    text.Append((char)('0' + random.Next(10)));
                }
            }

            var bytes = Encoding.UTF8.GetBytes(text.ToString());
            Assert.True(Utf8Decimal.TryParse(bytes, out var value));
            Assert.Equal(decimal.GetBits(decimal.Parse(bytes, Style, CultureInfo.InvariantCulture)), decimal.GetBits(value));
        }
    }

    [Fact]
    public void Formatting_writes_what_the_framework_writes_and_digits_only_drops_point_and_leading_zeros()
    {
        decimal[] samples =
        [
            0m, 0.000m, 1m, 10m, 0.1m, 0.10000000m, 30228.8m, 13.260800m, 0.00012m, 123456789012345678.9m,
            18446744073709551615m, 18446744073709551616m, 79228162514264337593543950335m, 0.0000000000000000000000000001m, -2.5m, -0.001m,
        ];
        var random = new Random(6);
        var values = samples.Concat(Enumerable.Range(0, 5000).Select(_ => new decimal(random.Next(), random.Next(), random.Next(3) == 0 ? random.Next(2) : 0, false, (byte)random.Next(0, 29))));
        Span<byte> buffer = stackalloc byte[80];
        foreach (var value in values)
        {
            var expected = value.ToString(CultureInfo.InvariantCulture);

            Assert.Equal(expected, Encoding.UTF8.GetString(buffer[..Utf8Decimal.Format(value, buffer)]));
            var digits = new string([.. expected.Where(static c => c != '.')]).TrimStart('0');
            Assert.Equal(digits, Encoding.UTF8.GetString(buffer[..Utf8Decimal.FormatDigitsOnly(value, buffer)]));
        }
    }
}
