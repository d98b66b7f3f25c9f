using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TgeSwarm.Runtime.Diagnostics;
using TgeSwarm.Runtime.Membership;

namespace TgeSwarm.Runtime.Hosting;

/// <summary>
/// A silo the cluster declared dead stops its host: its identity never comes back, and its grains already live on
/// the survivors. The stop runs the normal shutdown, which finds no other silo willing to take hand-overs from a
/// dead one and fails what is queued with <see cref="SiloUnavailableException"/>.
/// </summary>
internal sealed partial class HostSiloTerminator(IHostApplicationLifetime lifetime, LocalSiloDetails silo, ILogger<HostSiloTerminator> logger) : ISiloTerminator
{
    public void OnDeclaredDead(string reason)
    {
        LogDeclaredDead(logger, silo.SiloAddress, reason);
        silo.Status = SiloStatus.Dead;
        lifetime.StopApplication();
    }

    [LoggerMessage(SiloEventIds.SiloDeclaredDead, LogLevel.Critical, "Silo {Silo} was declared dead by the cluster ({Reason}); stopping")]
    private static partial void LogDeclaredDead(ILogger logger, SiloAddress silo, string reason);
}
