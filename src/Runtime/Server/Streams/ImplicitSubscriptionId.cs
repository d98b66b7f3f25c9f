using System.Security.Cryptography;
using System.Text;

namespace TgeSwarm.Runtime.Streams;

/// <summary>
/// Implicit subscriptions are not stored anywhere, so their ids are derived: the same grain type and stream give
/// the same id on every silo, which lets a producer address the subscription a consumer attached to.
/// </summary>
internal static class ImplicitSubscriptionId
{
    public static Guid For(string grainType, string provider, StreamId streamId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"implicit\n{grainType}\n{provider}\n{streamId.Namespace}\n{streamId.Key}"), hash);
        return new Guid(hash[..16]);
    }
}
