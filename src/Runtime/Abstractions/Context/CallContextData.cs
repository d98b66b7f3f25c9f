namespace TgeSwarm.Runtime;

/// <summary>
/// An immutable snapshot of the request context: user values, the chain of grains waiting on this call, and
/// whether the chain allows reentrancy. Copy-on-write keeps capture into a request free.
/// </summary>
internal sealed class CallContextData
{
    public static readonly CallContextData Empty = new([], [], false);

    public CallContextData(KeyValuePair<string, object>[] values, GrainId[] callChain, bool allowCallChainReentrancy)
    {
        Values = values;
        CallChain = callChain;
        AllowCallChainReentrancy = allowCallChainReentrancy;
    }

    public KeyValuePair<string, object>[] Values { get; }

    /// <summary>The grains whose turns are waiting on the current call, outermost first.</summary>
    public GrainId[] CallChain { get; }

    public bool AllowCallChainReentrancy { get; }

    public bool IsEmpty => Values.Length == 0 && CallChain.Length == 0 && !AllowCallChainReentrancy;

    public object? Find(string key)
    {
        foreach (var pair in Values)
        {
            if (string.Equals(pair.Key, key, StringComparison.Ordinal))
            {
                return pair.Value;
            }
        }

        return null;
    }

    public CallContextData With(string key, object value)
    {
        var index = Array.FindIndex(Values, p => string.Equals(p.Key, key, StringComparison.Ordinal));
        KeyValuePair<string, object>[] values;
        if (index >= 0)
        {
            values = (KeyValuePair<string, object>[])Values.Clone();
            values[index] = new(key, value);
        }
        else
        {
            values = [.. Values, new(key, value)];
        }

        return new(values, CallChain, AllowCallChainReentrancy);
    }

    public CallContextData Without(string key) =>
        new(Array.FindAll(Values, p => !string.Equals(p.Key, key, StringComparison.Ordinal)), CallChain, AllowCallChainReentrancy);

    public CallContextData WithValues(KeyValuePair<string, object>[] values) => new(values, CallChain, AllowCallChainReentrancy);

    public CallContextData WithReentrancy(bool allow) => new(Values, CallChain, allow);

    /// <summary>The context a turn of <paramref name="grain"/> runs in when serving a request carrying this context.</summary>
    public CallContextData ForTurnOf(GrainId grain) => new(Values, [.. CallChain, grain], AllowCallChainReentrancy);

    /// <summary>The context of a call nobody waits on: the values and the reentrancy choice, no chain.</summary>
    public CallContextData WithoutChain() => CallChain.Length == 0 ? this : new(Values, [], AllowCallChainReentrancy);

    public bool ChainContains(GrainId grain) => Array.IndexOf(CallChain, grain) >= 0;
}
