using System.Net;

namespace TgeSwarm.EndToEnd.Tests.Probe;

/// <summary>What one probe request through HAProxy came back with.</summary>
internal sealed record ProbeReply(string Key, ProbeOutcome Outcome, long Value, string Silo, string Detail)
{
    public static ProbeReply Acknowledged(string key, long value, string silo) =>
        new(key, ProbeOutcome.Acknowledged, value, silo, string.Empty);

    public static ProbeReply Unavailable(string key, string detail) =>
        new(key, ProbeOutcome.Unavailable, 0, string.Empty, detail);

    public static ProbeReply Unexpected(string key, HttpStatusCode status, string body) =>
        new(key, ProbeOutcome.Unexpected, 0, string.Empty, $"{(int)status} {status}: {body}");

    public override string ToString() => Outcome switch
    {
        ProbeOutcome.Acknowledged => $"{Key}={Value} from {Silo}",
        _ => $"{Key}: {Outcome} ({Detail})",
    };
}
