namespace TgeSwarm.TestGrains;

public sealed class ChainGrain : Grain, IChainGrain
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
}
