using System.Collections.Concurrent;
using TgeSwarm.Runtime.Membership;

namespace TgeSwarm.Runtime.Tests.Membership;

/// <summary>
/// Decides which probes are answered: a silo can be made unreachable for everybody (killed) or for one prober only
/// (a one-way cut). Each silo probes through <see cref="ProberFor"/>; every probe is counted.
/// </summary>
internal sealed class ProbeNetwork
{
    private readonly ConcurrentDictionary<SiloAddress, bool> _down = new();
    private readonly ConcurrentDictionary<(SiloAddress From, SiloAddress To), bool> _cuts = new();
    private readonly ConcurrentQueue<(SiloAddress From, SiloAddress To, bool Answered)> _probes = new();

    public IReadOnlyCollection<(SiloAddress From, SiloAddress To, bool Answered)> Probes => _probes;

    public void TakeDown(SiloAddress silo) => _down[silo] = true;

    public void BringUp(SiloAddress silo) => _down.TryRemove(silo, out _);

    public void Cut(SiloAddress from, SiloAddress to) => _cuts[(from, to)] = true;

    public ISiloProber ProberFor(SiloAddress self) => new Prober(this, self);

    private sealed class Prober(ProbeNetwork network, SiloAddress self) : ISiloProber
    {
        public Task<bool> ProbeAsync(SiloAddress silo, int probeNumber, CancellationToken cancellationToken)
        {
            var answered = !network._down.ContainsKey(silo) && !network._cuts.ContainsKey((self, silo));
            network._probes.Enqueue((self, silo, answered));
            return Task.FromResult(answered);
        }
    }
}
