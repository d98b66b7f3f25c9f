using Microsoft.Extensions.Logging;

namespace TgeSwarm.Feeds.Sources.Server;

/// <summary>
/// Publishes a synthetic new-listing item on one source every period of the server's clock. The timer is created
/// when the schedule is constructed (before the server returns from start), so a test's fake clock can be advanced
/// right away and no tick is lost.
/// </summary>
internal sealed class PublishSchedule
{
    private readonly PeriodicTimer _timer;
    private readonly string _sourceId;
    private readonly Func<string, CancellationToken, Task> _publish;
    private readonly ILogger _logger;

    public PublishSchedule(string sourceId, TimeSpan every, TimeProvider time, Func<string, CancellationToken, Task> publish, ILogger logger)
    {
        _sourceId = sourceId;
        _publish = publish;
        _logger = logger;
        _timer = new PeriodicTimer(every, time);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var n = 0;
        try
        {
            while (await _timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                n++;
                await _publish($"Local Exchange Will List Scheduled Token {n} (SCH{n})", cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping the server ends the schedule; nothing to report.
        }
        finally
        {
            _timer.Dispose();
            SourceServerLog.ScheduleEnded(_logger, _sourceId);
        }
    }
}
