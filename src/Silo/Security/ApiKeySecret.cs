using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace TgeSwarm.Silo.Security;

/// <summary>
/// API key material. A key is 256 random bits, written as <c>tgs_</c> + base64url (47 characters); only its SHA-256
/// is kept. A plain hash (no salt, no stretching) is enough because the key is random, not a password: there is no
/// dictionary to try, and 2^256 guesses are out of reach.
/// </summary>
internal static class ApiKeySecret
{
    public const string Prefix = "tgs_";

    public const int KeyBytes = 32;

    public const int HashBytes = 32;

    public static string NewKey() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(KeyBytes));

    /// <summary>A short public id for listing, revoking and the audit log (not derived from the key).</summary>
    public static string NewId() => "k_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>Compares in time independent of where the hashes differ, so response times say nothing about a stored hash.</summary>
    public static bool HashesEqual(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right) =>
        CryptographicOperations.FixedTimeEquals(left, right);
}
