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

    /// <summary>
    /// Moves <paramref name="time"/> on by <paramref name="step"/>, then by small steps until tick <paramref name="number"/>
    /// arrives (bounded), and returns it. For a reminder started while another <c>Advance</c> was still stepping through
    /// other timers: it read the clock one step before it armed its timer, so the timer is due a little after the tick's
    /// time. Timers fire late, never early, and the tick still carries its scheduled time.
    /// </summary>
    public static async Task<ReminderTick> AdvanceUntilAsync(Testing.FakeTimeProvider time, TimeSpan step, TestSignals signals, string key, string name, int number)
    {
        var tick = signals.Gate($"tick:{key}:{name}:{number}");
        time.Advance(step);
        for (var nudge = 0; nudge < 50 && !tick.IsCompleted; nudge++)
        {
            await Task.WhenAny(tick, Task.Delay(TimeSpan.FromMilliseconds(20)));
            if (!tick.IsCompleted)
            {
                time.Advance(TimeSpan.FromSeconds(1));
            }
        }

        return await WaitAsync(signals, key, name, number);
    }

    /// <summary>How many ticks of the reminder have arrived so far.</summary>
    public static int Count(TestSignals signals, string key, string name) =>
        signals.Values.TryGetValue($"ticks:{key}:{name}", out var count) ? (int)count! : 0;

    public static int Activations(TestSignals signals, string key) =>
        signals.Values.TryGetValue($"activations:{key}", out var count) ? (int)count! : 0;

    public static GrainId GrainOf(string key) => GrainId.Create(GrainType, key);
}
