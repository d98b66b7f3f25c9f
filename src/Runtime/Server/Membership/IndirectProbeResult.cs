namespace TgeSwarm.Runtime.Membership;

/// <summary>
/// An intermediary's answer to "probe this silo for me" (<see cref="SystemTargets.ISiloControl.ProbeIndirectly"/>).
/// <see cref="Refused"/> means it did not probe at all (it is not Active itself), which says nothing about the
/// target: the requester then treats the intermediary as unavailable, and it gets no vote.
/// </summary>
[GenerateSerializer]
[Alias("sys.IndirectProbeResult")]
internal sealed record IndirectProbeResult(
    [property: Id(0)] bool Succeeded,
    [property: Id(1)] string? FailureMessage,
    [property: Id(2)] bool Refused)
{
    public static IndirectProbeResult Reached { get; } = new(true, null, false);

    public static IndirectProbeResult Failed(string failureMessage) => new(false, failureMessage, false);

    public static IndirectProbeResult Refusal(string reason) => new(false, reason, true);
}
