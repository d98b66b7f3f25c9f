namespace TgeSwarm.TestGrains;

public sealed class ChainGrain(TestSignals signals) : Grain, IChainGrain
{
    public async Task<string> CallAlongAsync(string[] path, bool allowReentrancy)
    {
        if (path.Length == 0)
        {
            return GetPrimaryKeyString();
        }

        var next = GrainFactory.GetGrain<IChainGrain>(path[0]);
        if (!allowReentrancy)
        {
            return $"{GetPrimaryKeyString()}>{await next.CallAlongAsync(path[1..], allowReentrancy)}";
        }

        using (RequestContext.AllowCallChainReentrancy())
        {
            return $"{GetPrimaryKeyString()}>{await next.CallAlongAsync(path[1..], allowReentrancy)}";
        }
    }

    public async Task NotifyAndWaitAsync(string other, string gate)
    {
        await GrainFactory.GetGrain<IChainGrain>(other).CallBackAsync(GetPrimaryKeyString(), gate);
        await signals.Gate(gate);
    }

    public async Task CallBackAsync(string caller, string gate)
    {
        var answer = GrainFactory.GetGrain<IChainGrain>(caller).CallAlongAsync([], allowReentrancy: false);
        signals.Open(gate);
        try
        {
            signals.Values[gate] = await answer;
        }
        catch (Exception exception) when (exception is TimeoutException or SwarmException)
        {
            signals.Values[gate] = exception.GetType().Name;
        }

        signals.Open($"{gate}:answered");
    }
}
