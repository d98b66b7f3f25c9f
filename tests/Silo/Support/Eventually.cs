namespace TgeSwarm.Silo.Tests.Support;

/// <summary>Reads until a condition holds or a minute has passed, for state that a running silo reaches on its own.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>The first value that satisfies <paramref name="done"/>, or the last one read when time ran out (the caller asserts on it).</summary>
    public static async Task<T> ReadAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(100);
        }
    }
}
