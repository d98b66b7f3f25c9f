namespace TgeSwarm.Runtime.Membership;

/// <summary>
/// Stops this silo when the membership table says it is dead (other silos voted it out, or a restart on its
/// endpoint superseded it). A dead identity never comes back, so the process must not keep serving under it; the
/// host implements this with a fast local shutdown and <c>IHostApplicationLifetime.StopApplication</c>.
/// </summary>
internal interface ISiloTerminator
{
    /// <summary>Called at most once per silo life, from a membership background task; must not block.</summary>
    void OnDeclaredDead(string reason);
}
