namespace TgeSwarm.Runtime;

/// <summary>
/// Ambient values that travel with a call from caller to callee and on to the callee's own calls, never back.
/// Values must be serializable (they cross silos). Backed by an <see cref="AsyncLocal{T}"/> holding an
/// immutable snapshot, so a callee's <see cref="Set"/> replaces its own snapshot and cannot reach the caller.
/// </summary>
public static class RequestContext
{
    private static readonly AsyncLocal<CallContextData?> CurrentData = new();

    public static IEnumerable<string> Keys => CurrentData.Value?.Values.Select(static v => v.Key) ?? [];

    /// <summary>The runtime's view: captured into outgoing requests and installed at the start of each turn.</summary>
    internal static CallContextData? Current
    {
        get => CurrentData.Value;
        set
        {
            if (!ReferenceEquals(CurrentData.Value, value))
            {
                CurrentData.Value = value;
            }
        }
    }

    public static void Set(string key, object value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        Current = (Current ?? CallContextData.Empty).With(key, value);
    }

    public static object? Get(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Current?.Find(key);
    }

    public static bool Remove(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var current = Current;
        if (current?.Find(key) is null)
        {
            return false;
        }

        Current = current.Without(key);
        return true;
    }

    public static void Clear()
    {
        var current = Current;
        if (current is not null)
        {
            Current = current.WithValues([]);
        }
    }

    /// <summary>
    /// Within the scope, calls made here may re-enter any grain already waiting in this call chain (A → B → A),
    /// which would otherwise be reported as a deadlock.
    /// </summary>
    public static IDisposable AllowCallChainReentrancy()
    {
        var previous = Current;
        Current = (previous ?? CallContextData.Empty).WithReentrancy(true);
        return new Scope(previous);
    }

    private sealed class Scope(CallContextData? previous) : IDisposable
    {
        public void Dispose() => Current = previous;
    }
}
