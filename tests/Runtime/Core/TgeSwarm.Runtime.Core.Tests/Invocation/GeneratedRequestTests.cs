using System.Buffers;
using System.Text;
using TgeSwarm.Runtime.Invocation;
using TgeSwarm.Runtime.Tests.Serialization;
using TgeSwarm.Runtime.Tests.Serialization.Contracts;

namespace TgeSwarm.Runtime.Tests.Invocation;

/// <summary>The generated proxy and request classes, driven the way the runtime drives them, without a silo.</summary>
public sealed class GeneratedRequestTests
{
    private readonly CodeRegistry.SwarmCodeRegistry _registry = TestSerializers.Registry();
    private readonly RecordingReferenceRuntime _runtime;
    private readonly CodecProvider _codecs;

    public GeneratedRequestTests()
    {
        _runtime = new RecordingReferenceRuntime(_registry);
        _codecs = new CodecProvider(_registry, _runtime);
    }

    [Fact]
    public async Task A_call_travels_as_bytes_runs_on_the_grain_and_completes_the_callers_task()
    {
        var proxy = _runtime.Get<ICounterGrain>("c1");
        var grain = new CounterGrainStub();

        var call = proxy.AddAsync(5, CancellationToken.None);
        var sent = Assert.Single(_runtime.Sent);
        var received = Deliver(sent);
        await received.InvokeAsync(grain);
        Reply(received, sent);
        sent.Complete();

        Assert.Equal(5, await call);
        Assert.Equal(5, grain.Total);
    }

    [Fact]
    public void The_method_id_is_the_fnv1a_hash_of_the_interface_method_and_parameter_types()
    {
        _ = _runtime.Get<ICounterGrain>("c1").AddAsync(1, CancellationToken.None);

        var request = Assert.Single(_runtime.Sent);

        Assert.Equal(Fnv1a("TgeSwarm.Runtime.Tests.Serialization.Contracts.ICounterGrain.AddAsync(int,System.Threading.CancellationToken)"), request.MethodId);
        Assert.Equal(("TgeSwarm.Runtime.Tests.Serialization.Contracts.ICounterGrain", "AddAsync", 1), (request.InterfaceName, request.MethodName, request.ArgumentCount));
    }

    [Fact]
    public void The_callers_cancellation_token_is_carried_but_not_serialized()
    {
        using var cancellation = new CancellationTokenSource();
        _ = _runtime.Get<ICounterGrain>("c1").AddAsync(1, cancellation.Token);

        var sent = Assert.Single(_runtime.Sent);

        Assert.Equal(cancellation.Token, sent.CancellationToken);
        Assert.Equal(default, Deliver(sent).CancellationToken);
    }

    [Fact]
    public void Local_calls_copy_mutable_arguments_but_share_immutable_ones()
    {
        var trades = new List<Trade> { new("A", 1m, 1, DateTime.UnixEpoch, TradeSide.Buy) };
        var snapshot = new Snapshot("s", [1]);
        _ = _runtime.Get<ICounterGrain>("c1").RecordAsync(trades, snapshot);
        var sent = Assert.Single(_runtime.Sent);

        sent.CopyArguments(_codecs);

        Assert.NotSame(trades, sent.GetArgument(0));
        Assert.Equal(trades, (List<Trade>)sent.GetArgument(0)!);
        Assert.Same(snapshot, sent.GetArgument(1));
    }

    [Fact]
    public async Task Attributes_set_options_and_timeouts_and_one_way_calls_complete_at_once()
    {
        var proxy = _runtime.Get<ICounterGrain>("c1");

        await proxy.PingAsync().WaitAsync(TimeSpan.FromSeconds(5));
        _ = proxy.PeerAsync(null);

        Assert.Equal(InvokeOptions.OneWay, _runtime.Sent[0].Options);
        Assert.Null(_runtime.Sent[0].ResponseTimeout);
        Assert.Equal(InvokeOptions.ReadOnly, _runtime.Sent[1].Options);
        Assert.Equal(TimeSpan.FromSeconds(5), _runtime.Sent[1].ResponseTimeout);
    }

    [Fact]
    public async Task A_grain_reference_argument_arrives_as_a_proxy_for_the_same_grain()
    {
        var peer = _runtime.Get<ICounterGrain>("peer");
        var call = _runtime.Get<ICounterGrain>("c1").PeerAsync(peer);
        var sent = Assert.Single(_runtime.Sent);
        var received = Deliver(sent);
        await received.InvokeAsync(new CounterGrainStub());
        Reply(received, sent);
        sent.Complete();

        var result = await call;

        Assert.Equal(GrainId.Create("counter", "peer"), Assert.IsAssignableFrom<GrainReference>(result).GrainId);
    }

    [Fact]
    public void Reading_a_grain_reference_without_a_runtime_fails_saying_why()
    {
        var withRuntime = new SwarmSerializer(_codecs);
        var bytes = withRuntime.SerializeToArray(new Holder { Counter = _runtime.Get<ICounterGrain>("x") });
        var withoutRuntime = new SwarmSerializer(new CodecProvider(_registry));

        var error = Assert.Throws<SerializationException>(() => withoutRuntime.Deserialize<Holder>(bytes));

        Assert.Contains("IGrainReferenceRuntime", error.Message, StringComparison.Ordinal);
    }

    private GrainRequest Deliver(GrainRequest sent)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new SwarmWriter(buffer);
        sent.WriteArguments(ref writer, _codecs);
        writer.Commit();
        Assert.True(_registry.TryCreateRequest(sent.MethodId, out var received));
        var reader = new SwarmReader(buffer.WrittenSpan);
        received.ReadArguments(ref reader, _codecs);
        return received;
    }

    private void Reply(GrainRequest received, GrainRequest sent)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new SwarmWriter(buffer);
        received.WriteResult(ref writer, _codecs);
        writer.Commit();
        var reader = new SwarmReader(buffer.WrittenSpan);
        sent.ReadResult(ref reader, _codecs);
    }

    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash;
    }
}
