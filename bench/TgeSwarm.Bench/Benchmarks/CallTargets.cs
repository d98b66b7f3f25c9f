using System.Threading.Channels;
using TgeSwarm.Bench.Grains;

namespace TgeSwarm.Bench.Benchmarks;

/// <summary>Something that answers <c>value + 1</c> for one of many keyed actors: a grain, or the channel baseline.</summary>
internal abstract class CallTarget
{
    public abstract int Keys { get; }

    public abstract Task<int> CallAsync(int key, int value);
}

/// <summary>Calls <see cref="ICallGrain.AddAsync"/> through the cluster client: the runtime's local call path.</summary>
internal sealed class GrainCallTarget(IClusterClient client, int keys) : CallTarget
{
    private readonly ICallGrain[] _grains = Enumerable.Range(0, keys).Select(k => client.GetGrain<ICallGrain>(k)).ToArray();

    public override int Keys => _grains.Length;

    public override Task<int> CallAsync(int key, int value) => _grains[key].AddAsync(value);
}

/// <summary>
/// The baseline: the least an actor hop costs in-process. One unbounded channel and one consumer loop per
/// "grain" (so each actor runs one request at a time, like an activation), a request object carrying the argument
/// and a <see cref="TaskCompletionSource{TResult}"/> that completes the caller asynchronously (as the runtime does).
/// </summary>
internal sealed class ChannelCallTarget : CallTarget, IAsyncDisposable
{
    private readonly Channel<Request>[] _channels;
    private readonly Task[] _consumers;

    public ChannelCallTarget(int keys)
    {
        _channels = new Channel<Request>[keys];
        _consumers = new Task[keys];
        var options = new UnboundedChannelOptions { SingleReader = true, SingleWriter = false, AllowSynchronousContinuations = false };
        for (var i = 0; i < keys; i++)
        {
            var channel = Channel.CreateUnbounded<Request>(options);
            _channels[i] = channel;
            _consumers[i] = Task.Run(() => ConsumeAsync(channel.Reader, new Actor()));
        }
    }

    public override int Keys => _channels.Length;

    public override Task<int> CallAsync(int key, int value)
    {
        var request = new Request(value);
        if (!_channels[key].Writer.TryWrite(request))
        {
            throw new InvalidOperationException("The baseline channel is closed.");
        }

        return request.Reply.Task;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            channel.Writer.TryComplete();
        }

        await Task.WhenAll(_consumers);
    }

    private static async Task ConsumeAsync(ChannelReader<Request> reader, Actor actor)
    {
        while (await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out var request))
            {
                request.Reply.SetResult(actor.Add(request.Value));
            }
        }
    }

    private sealed class Request(int value)
    {
        public int Value { get; } = value;

        public TaskCompletionSource<int> Reply { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Actor
    {
        private int _calls;

        public int Add(int value)
        {
            _calls++;
            return value + 1;
        }
    }
}
