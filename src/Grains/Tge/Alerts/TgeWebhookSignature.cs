using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TgeSwarm.Grains.Tge.Alerts;

/// <summary>
/// The webhook signing scheme (EVENTS.md, "Webhooks"): the signed material is the decimal Unix time in seconds of
/// the <c>X-TgeSwarm-Timestamp</c> header, a full stop, then the request body's exact bytes; the
/// <c>X-TgeSwarm-Signature</c> header is <c>sha256=</c> and the lower-case hex HMAC-SHA256 of that material keyed
/// with the webhook's secret (UTF-8). Signing the time lets a receiver refuse a replayed request that is older than
/// it tolerates; each try is signed afresh.
/// </summary>
internal static class TgeWebhookSignature
{
    public const string SignatureHeader = "X-TgeSwarm-Signature";
    public const string TimestampHeader = "X-TgeSwarm-Timestamp";
    public const string DeliveryHeader = "X-TgeSwarm-Delivery";
    public const string EventHeader = "X-TgeSwarm-Event";
    public const string Scheme = "sha256=";

    public static string Sign(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var stamp = unixSeconds.ToString(CultureInfo.InvariantCulture);
        var material = new byte[Encoding.UTF8.GetByteCount(stamp) + 1 + body.Length];
        var written = Encoding.UTF8.GetBytes(stamp, material);
        material[written] = (byte)'.';
        body.CopyTo(material.AsSpan(written + 1));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), material);
        return Scheme + Convert.ToHexStringLower(mac);
    }

    /// <summary>A receiver's check, in constant time over the signature.</summary>
    public static bool Verify(string secret, string? timestamp, ReadOnlySpan<byte> body, string? signature)
    {
        if (signature is null || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, seconds, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }
}
