namespace TgeSwarm.TestGrains;

/// <summary>
/// A grain whose class (not its interface) implements <see cref="IRemindable"/>, as most Orleans grains do. Each tick is
/// written to <see cref="TestSignals"/> as <see cref="ReminderTick"/> under <c>tick:{key}:{name}:{n}</c> (n counting
/// from 1 across activations) and opens the gate of that name; the log gets <c>tick:{key}:{name}:{n}</c> too. Reminders named <c>once…</c> unregister themselves in
/// their first tick; reminders named <c>fail…</c> throw from the handler.
/// </summary>
public interface IReminderGrain : IGrainWithStringKey
{
    Task<string> RegisterAsync(string name, TimeSpan dueTime, TimeSpan period);

    Task<List<string>> GetReminderNamesAsync();

    /// <summary>Unregisters the reminder if it exists; false if there was none.</summary>
    Task<bool> UnregisterAsync(string name);

    /// <summary>Registers, registers again with another period, then unregisters with the first (stale) handle.</summary>
    Task UnregisterWithStaleHandleAsync(string name);

    Task DeactivateAsync();

    /// <summary>Opens <c>entered:{gate}</c>, holds this (non-reentrant) activation until <paramref name="gate"/> opens, then logs <c>hold-end:{key}</c>.</summary>
    Task HoldAsync(string gate);

    /// <summary>How many ticks of <paramref name="name"/> have started; interleaves with anything, to look inside a busy activation.</summary>
    [AlwaysInterleave]
    Task<int> CountTicksAsync(string name);
}
