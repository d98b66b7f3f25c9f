using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Membership;
using TgeSwarm.Runtime.Testing;
using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.Membership;

/// <summary>One silo's membership parts, wired by hand exactly as the silo's container wires them.</summary>
internal sealed class MembershipTestSilo : IAsyncDisposable
{
    private readonly LoggerFactory _loggers;
    private readonly MeterFactory _meters = new();
    private int _disposed;

    public MembershipTestSilo(int port, IMembershipTable table, ProbeNetwork network, FakeTimeProvider time, ClusterMembershipOptions options, IMembershipTableChangeFeed? changeFeed = null)
    {
        Log = new CapturedLog();
        _loggers = new LoggerFactory([Log]);
        Details = new LocalSiloDetails(Options.Create(new SiloOptions { SiloName = $"silo-{port}", SiloPort = port }), time);
        View = new MembershipView();
        Instruments = new MembershipInstruments(_meters, View);
        var instruments = Instruments;
        var wrapped = Options.Create(options);
        TableManager = new MembershipTableManager(table, Details, View, wrapped, time, Terminator, instruments, _loggers.CreateLogger<MembershipTableManager>(), changeFeed);
        Monitor = new ClusterHealthMonitor(TableManager, network.ProberFor(Details.SiloAddress), wrapped, time, instruments, _loggers.CreateLogger<ClusterHealthMonitor>());
        network.Attach(Details.SiloAddress, Monitor);
        Agent = new MembershipAgent(TableManager, Monitor, Details, wrapped, time, _loggers.CreateLogger<MembershipAgent>());
    }

    public SiloAddress Address => Details.SiloAddress;

    public LocalSiloDetails Details { get; }

    public MembershipView View { get; }

    public MembershipInstruments Instruments { get; }

    public MembershipTableManager TableManager { get; }

    public ClusterHealthMonitor Monitor { get; }

    public MembershipAgent Agent { get; }

    public RecordingTerminator Terminator { get; } = new();

    public CapturedLog Log { get; }

    public async Task StartAsync()
    {
        await Agent.JoinAsync(CancellationToken.None).Within($"{Address} to join");
        await Agent.BecomeActiveAsync(CancellationToken.None).Within($"{Address} to become active");
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await Agent.DisposeAsync();
        _loggers.Dispose();
        _meters.Dispose();
    }

    private sealed class MeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            lock (_meters)
            {
                _meters.Add(meter);
            }

            return meter;
        }

        public void Dispose()
        {
            lock (_meters)
            {
                _meters.ForEach(static m => m.Dispose());
            }
        }
    }
}
