using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.Reminders;

/// <summary>Reads the ticks that <see cref="ReminderGrain"/> writes to <see cref="TestSignals"/>.</summary>
internal static class ReminderTicks
{
    public const string GrainType = "reminder";

    /// <summary>Waits (bounded) for tick <paramref name="number"/> of the reminder and returns it.</summary>
    public static async Task<ReminderTick> WaitAsync(TestSignals signals, string key, string name, int number)
    {
        await signals.Gate($"tick:{key}:{name}:{number}").Within($"tick {number} of reminder '{name}' of {GrainType}/{key}");
        return (ReminderTick)signals.Values[$"tick:{key}:{name}:{number}"]!;
    }

    /// <summary>How many ticks of the reminder have arrived so far.</summary>
    public static int Count(TestSignals signals, string key, string name) =>
        signals.Values.TryGetValue($"ticks:{key}:{name}", out var count) ? (int)count! : 0;

    public static int Activations(TestSignals signals, string key) =>
        signals.Values.TryGetValue($"activations:{key}", out var count) ? (int)count! : 0;

    public static GrainId GrainOf(string key) => GrainId.Create(GrainType, key);
}
