using System.Collections.Concurrent;
using System.Threading.Channels;
using TgeSwarm.Runtime.Membership;

namespace TgeSwarm.Runtime.Tests.Membership;

/// <summary>
/// Decides which probes are answered: a silo can be made unreachable for everybody (killed) or for one prober only
/// (a one-way cut). Each silo probes through <see cref="ProberFor"/>; every probe is counted. An indirect probe from
/// A through B to C is answered when A reaches B; B then runs its own monitor's probe of C (through this network, so
/// B's reach of C decides), or, for a B with no monitor attached, answers by B's reach of C directly.
/// </summary>
internal sealed class ProbeNetwork
{
    private readonly ConcurrentDictionary<SiloAddress, bool> _down = new();
    private readonly ConcurrentDictionary<(SiloAddress From, SiloAddress To), bool> _cuts = new();
    private readonly ConcurrentDictionary<SiloAddress, ClusterHealthMonitor> _monitors = new();
    private readonly ConcurrentDictionary<SiloAddress, bool> _mute = new();
    private readonly Channel<SiloAddress> _indirectWaiting = Channel.CreateUnbounded<SiloAddress>();
    private readonly ConcurrentQueue<(SiloAddress From, SiloAddress To, bool Answered)> _probes = new();
    private readonly ConcurrentQueue<(SiloAddress From, SiloAddress Through, SiloAddress To, IndirectProbeResult? Result)> _indirect = new();

    public IReadOnlyCollection<(SiloAddress From, SiloAddress To, bool Answered)> Probes => _probes;

    public IReadOnlyCollection<(SiloAddress From, SiloAddress Through, SiloAddress To, IndirectProbeResult? Result)> IndirectProbes => _indirect;

    public void TakeDown(SiloAddress silo) => _down[silo] = true;

    public void BringUp(SiloAddress silo) => _down.TryRemove(silo, out _);

    public void Cut(SiloAddress from, SiloAddress to) => _cuts[(from, to)] = true;

    public void Heal(SiloAddress from, SiloAddress to) => _cuts.TryRemove((from, to), out _);

    /// <summary>
    /// Makes <paramref name="silo"/> leave indirect probe requests unanswered (it still answers direct probes), like an
    /// overloaded or partly broken intermediary: the request waits until the requester gives up.
    /// </summary>
    public void MuteIndirect(SiloAddress silo) => _mute[silo] = true;

    /// <summary>The intermediary of every indirect request that reached a muted one and now waits, in order.</summary>
    public ChannelReader<SiloAddress> IndirectWaiting => _indirectWaiting.Reader;

    /// <summary>Lets <paramref name="silo"/>'s own monitor answer indirect probes sent through it.</summary>
    public void Attach(SiloAddress silo, ClusterHealthMonitor monitor) => _monitors[silo] = monitor;

    public ISiloProber ProberFor(SiloAddress self) => new Prober(this, self);

    private bool Reaches(SiloAddress from, SiloAddress to) => !_down.ContainsKey(to) && !_cuts.ContainsKey((from, to));

    private sealed class Prober(ProbeNetwork network, SiloAddress self) : ISiloProber
    {
        public Task<bool> ProbeAsync(SiloAddress silo, int probeNumber, CancellationToken cancellationToken)
        {
            var answered = network.Reaches(self, silo);
            network._probes.Enqueue((self, silo, answered));
            return Task.FromResult(answered);
        }

        public async Task<IndirectProbeResult?> ProbeIndirectlyAsync(SiloAddress intermediary, SiloAddress target, int probeNumber, CancellationToken cancellationToken)
        {
            IndirectProbeResult? result = null;
            if (network.Reaches(self, intermediary) && network._mute.ContainsKey(intermediary))
            {
                // No answer ever comes: only the requester's own bound ends the wait, as a lost request would.
                network._indirectWaiting.Writer.TryWrite(intermediary);
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                }
            }
            else if (network.Reaches(self, intermediary))
            {
                result = network._monitors.TryGetValue(intermediary, out var monitor)
                    ? await monitor.ProbeOnBehalfAsync(target, probeNumber, cancellationToken)
                    : network.Reaches(intermediary, target) ? IndirectProbeResult.Reached : IndirectProbeResult.Failed("unreachable");
            }

            network._indirect.Enqueue((self, intermediary, target, result));
            return result;
        }
    }
}
