using System.Net;

namespace TgeSwarm.EndToEnd.Tests.Memory;

/// <summary>What one memory request through HAProxy came back with: for a write the new version, for a read the entry.</summary>
internal sealed record MemoryReply(string Namespace, WriteOutcome Outcome, long Value, long Version, string Detail)
{
    public static MemoryReply Acknowledged(string ns, long value, long version) => new(ns, WriteOutcome.Acknowledged, value, version, string.Empty);

    public static MemoryReply Conflict(string ns, string body) => new(ns, WriteOutcome.Conflict, 0, 0, body);

    public static MemoryReply Unavailable(string ns, string detail) => new(ns, WriteOutcome.Unavailable, 0, 0, detail);

    public static MemoryReply Unexpected(string ns, HttpStatusCode status, string body) =>
        new(ns, WriteOutcome.Unexpected, 0, 0, $"{(int)status} {status}: {body}");

    public override string ToString() => Outcome switch
    {
        WriteOutcome.Acknowledged => $"{Namespace}={Value}@v{Version}",
        _ => $"{Namespace}: {Outcome} ({Detail})",
    };
}
