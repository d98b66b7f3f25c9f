namespace TgeSwarm.Runtime.Tests.Reminders;

/// <summary>A bounded poll, for what a test cannot wait on: a row written in the background, a request sitting in a mailbox.</summary>
internal static class TablePolling
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {Limit} waiting for {what}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }
}
