namespace TgeSwarm.Runtime.Tests.Fixtures;

/// <summary>Bounds on waiting for signals, so a broken runtime fails a test instead of hanging it.</summary>
internal static class Bounded
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    public static Task<T> Within<T>(this Task<T> task, string phase) => task.WaitAsync(Wait).ContinueWith(
        t => t.Exception?.InnerException is TimeoutException && !task.IsCompleted
            ? throw new TimeoutException($"Timed out after {Wait} waiting for: {phase}")
            : t.GetAwaiter().GetResult(),
        TaskScheduler.Default);

    public static Task Within(this Task task, string phase) => task.WaitAsync(Wait).ContinueWith(
        t =>
        {
            if (t.Exception?.InnerException is TimeoutException && !task.IsCompleted)
            {
                throw new TimeoutException($"Timed out after {Wait} waiting for: {phase}");
            }

            t.GetAwaiter().GetResult();
        },
        TaskScheduler.Default);
}
