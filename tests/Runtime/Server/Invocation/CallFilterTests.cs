using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.Invocation;

public sealed class CallFilterTests(CallFilterTests.Fixture fixture) : IClassFixture<CallFilterTests.Fixture>
{
    [Fact]
    public async Task Silo_filters_run_in_order_before_the_grains_own_filter_which_may_change_the_result()
    {
        var result = await fixture.Client.GetGrain<IFilteredGrain>("f").AddAsync(2, 3);

        Assert.Equal(10, result);
        var log = fixture.Signals.Log.ToList();
        var silo = log.IndexOf("incoming:IFilteredGrain.AddAsync");
        var own = log.IndexOf("grain-filter:TgeSwarm.TestGrains.IFilteredGrain.AddAsync");
        Assert.InRange(silo, 0, int.MaxValue);
        Assert.True(own > silo, $"the grain's own filter ran at {own}, before the silo filter at {silo}");
    }

    [Fact]
    public async Task An_outgoing_filter_sees_calls_grains_make_and_their_results()
    {
        var a = fixture.Client.GetGrain<IChainGrain>("out-a");

        Assert.Equal("out-a>out-b", await a.CallAlongAsync(["out-b"], allowReentrancy: false));

        Assert.Contains("outgoing:chain/out-a->chain/out-b:out-b", fixture.Signals.Log);
    }

    public sealed class Fixture : ClusterFixture
    {
        protected override void Configure(ISiloBuilder silo)
        {
            base.Configure(silo);
            silo.AddIncomingGrainCallFilter<LoggingIncomingFilter>();
            silo.AddOutgoingGrainCallFilter<LoggingOutgoingFilter>();
        }
    }

    private sealed class LoggingIncomingFilter(TestSignals signals) : IIncomingGrainCallFilter
    {
        public Task Invoke(IIncomingGrainCallContext context)
        {
            signals.Log.Enqueue($"incoming:{context.InterfaceName.Split('.')[^1]}.{context.MethodName}");
            return context.Invoke();
        }
    }

    private sealed class LoggingOutgoingFilter(TestSignals signals) : IOutgoingGrainCallFilter
    {
        public async Task Invoke(IOutgoingGrainCallContext context)
        {
            await context.Invoke();
            if (context.SourceId is { } source)
            {
                signals.Log.Enqueue($"outgoing:{source}->{context.TargetId}:{context.Result}");
            }
        }
    }
}
