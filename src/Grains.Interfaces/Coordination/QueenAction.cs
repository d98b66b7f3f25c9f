using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Coordination;

/// <summary>One entry of the queen's action log: a command, or something the reconciliation or health monitor did.</summary>
/// <param name="Id">Grows by one per entry; pages go back from it.</param>
/// <param name="At">When it happened.</param>
/// <param name="Actor">The command's actor, or <c>queen</c> for the reconciliation loop and health monitor.</param>
/// <param name="Action">What: spawn, stop, restart, scale, pause, resume, halt, start, heal, cooldown, alert, recovered.</param>
/// <param name="Target">The agent (<c>type/key</c>), group (<c>type/group</c>), pipeline (<c>pipeline/name</c>) or <c>swarm</c>.</param>
/// <param name="Reason">Why: the caller's reason, or what the queen observed.</param>
/// <param name="Succeeded">Whether it applied.</param>
/// <param name="Outcome">What came of it, in words (the error's message when it failed).</param>
[GenerateSerializer]
[Immutable]
public sealed record QueenAction(
    [property: Id(0)] long Id,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Actor,
    [property: Id(3)] string Action,
    [property: Id(4)] string Target,
    [property: Id(5)] string? Reason,
    [property: Id(6)] bool Succeeded,
    [property: Id(7)] string Outcome);
