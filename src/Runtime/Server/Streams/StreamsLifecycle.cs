using Microsoft.Extensions.Logging;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Membership;

using TgeSwarm.Runtime.Streams.Persistent;

namespace TgeSwarm.Runtime.Streams;

/// <summary>
/// Starts and stops the silo's streaming. Runs the pulling agents of this silo's share of every persistent stream provider's queues, and moves them when
/// the membership view changes (<see cref="QueueBalancer"/>). Starts once the silo is an active member; on stop, its
/// agents acknowledge what they delivered and stop before the silo leaves, so the next owners resume from there.
/// While views of different silos disagree for a moment, a queue may be pulled twice (duplicates, never loss).
/// On stop it also stops every provider's own background work (memory streams' queues) while messaging still runs.
/// </summary>
internal sealed partial class StreamsLifecycle(
    StreamProviderRegistry registry,
    StreamInstruments instruments,
    TimeProvider timeProvider,
    IClusterMembershipService membership,
    LocalSiloDetails silo,
    ILogger<StreamsLifecycle> logger) : ISiloLifecycleParticipant, IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<(string Provider, int QueueId), PullingAgent> _agents = [];
    private readonly SemaphoreSlim _rebalancing = new(1, 1);
    private PersistentStreamProvider[] _providers = [];
    private Task _watch = Task.CompletedTask;
    private Task _lagSampler = Task.CompletedTask;

    /// <summary>How often the lag of the subscriptions in this silo's queues is read for the metrics.</summary>
    internal static readonly TimeSpan LagSamplePeriod = TimeSpan.FromSeconds(10);

    public int Stage => SiloLifecycleStage.Active + 3;

    /// <summary>The queues this silo pulls now, for tests and the management API.</summary>
    public IReadOnlyList<(string Provider, int QueueId)> OwnedQueues
    {
        get
        {
            lock (_agents)
            {
                return [.. _agents.Keys];
            }
        }
    }

    public async Task OnStartAsync(CancellationToken cancellationToken)
    {
        _providers = [.. registry.Providers.OfType<PersistentStreamProvider>()];
        if (_providers.Length == 0)
        {
            return;
        }

        await RebalanceAsync(membership.CurrentSnapshot);
        using (ExecutionContext.SuppressFlow())
        {
            _watch = Task.Run(WatchAsync);
            _lagSampler = Task.Run(SampleLagAsync);
        }
    }

    public async Task OnStopAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(registry.Providers.Select(p => p.StopAsync(cancellationToken)));
        await _stopping.CancelAsync();
        await _watch;
        await _lagSampler;
        await _rebalancing.WaitAsync(cancellationToken);
        try
        {
            PullingAgent[] agents;
            lock (_agents)
            {
                agents = [.. _agents.Values];
                _agents.Clear();
            }

            await Task.WhenAll(agents.Select(a => a.StopAsync()));
        }
        finally
        {
            _rebalancing.Release();
        }
    }

    private async Task WatchAsync()
    {
        try
        {
            await foreach (var snapshot in membership.WatchAsync(_stopping.Token))
            {
                await RebalanceAsync(snapshot);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Reads the subscriptions' lag every <see cref="LagSamplePeriod"/> and keeps those of the queues pulled here for the gauge.</summary>
    private async Task SampleLagAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            foreach (var provider in _providers)
            {
                try
                {
                    var owned = OwnedQueues.Where(q => q.Provider == provider.Name).Select(static q => q.QueueId).ToHashSet();
                    var lag = await provider.Storage.GetLagAsync(_stopping.Token);
                    instruments.SetLag(provider.Name, [.. lag.Where(l => owned.Contains(l.QueueId))]);
                }
                catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception)
                {
                    // The gauge keeps the last sample; the next period tries again.
                    LogLagSampleFailed(logger, exception, provider.Name);
                }
            }

            try
            {
                await Task.Delay(LagSamplePeriod, timeProvider, _stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task RebalanceAsync(ClusterMembershipSnapshot snapshot)
    {
        await _rebalancing.WaitAsync(CancellationToken.None);
        try
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            var active = snapshot.ActiveSilos;
            var toStop = new List<PullingAgent>();
            var started = 0;
            foreach (var provider in _providers)
            {
                for (var queueId = 0; queueId < provider.Storage.Settings.QueueCount; queueId++)
                {
                    var mine = silo.SiloAddress.Equals(QueueBalancer.OwnerOf(provider.Name, queueId, active));
                    lock (_agents)
                    {
                        var key = (provider.Name, queueId);
                        if (mine && !_agents.ContainsKey(key))
                        {
                            var agent = new PullingAgent(provider, queueId);
                            _agents[key] = agent;
                            agent.Start();
                            started++;
                        }
                        else if (!mine && _agents.Remove(key, out var agent))
                        {
                            toStop.Add(agent);
                        }
                    }
                }
            }

            await Task.WhenAll(toStop.Select(a => a.StopAsync()));
            if (started + toStop.Count > 0)
            {
                LogRebalanced(logger, started, toStop.Count, snapshot.Version, active.Length);
            }
        }
        finally
        {
            _rebalancing.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await OnStopAsync(CancellationToken.None);
        }

        _stopping.Dispose();
        _rebalancing.Dispose();
    }

    [LoggerMessage(EventId = StreamEventIds.LagSampleFailed, Level = LogLevel.Warning, Message = "Reading the subscription lag of stream provider {Provider} failed")]
    private static partial void LogLagSampleFailed(ILogger logger, Exception exception, string provider);

    [LoggerMessage(EventId = StreamEventIds.QueuesRebalanced, Level = LogLevel.Information,
        Message = "Stream queues rebalanced for membership version {Version} ({Active} active silos): started {Started} agents, stopped {Stopped}")]
    private static partial void LogRebalanced(ILogger logger, int started, int stopped, long version, int active);
}
