using Microsoft.Extensions.Logging;
using Npgsql;

namespace TgeSwarm.Grains.Tge.Alerts;

internal sealed partial class PostgresTgeWebhookOutbox
{
    // $1 the webhooks this silo delivers to. Pending rows of any other URL wait for a silo that has it configured.
    private const string UnconfiguredSql =
        "SELECT webhook, count(*), min(created_at) FROM tge_webhook_outbox WHERE state = 0 AND NOT (webhook = ANY($1)) "
        + "GROUP BY webhook ORDER BY webhook";

    /// <summary>
    /// Warns, once at start, about pending rows of webhooks this silo does not deliver to. Rows are keyed by URL and
    /// every silo should carry the same <c>Tge:Webhooks</c>, so such rows are usually a webhook removed from the
    /// configuration (or a silo started with an old one): they wait, unseen, until a silo has the URL again. Returns how
    /// many URLs were reported; a database that does not answer costs a logged error, never the silo's start.
    /// </summary>
    internal async Task<int> ReportUnconfiguredAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = _dataSource.CreateCommand(UnconfiguredSql);
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. _webhooks.Select(static w => w.Webhook.Url)] });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var reported = 0;
            while (await reader.ReadAsync(cancellationToken))
            {
                reported++;
                Log.UnconfiguredRows(_logger, reader.GetInt64(1), WithoutQuery(reader.GetString(0)), reader.GetFieldValue<DateTimeOffset>(2));
            }

            return reported;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The silo stops before the check answered: nothing to report, and the stop must not see a failure.
            return 0;
        }
        catch (NpgsqlException exception)
        {
            TgeWebhookLog.OutboxFailed(_logger, exception, "(all)", "checking for rows of webhooks not configured here", _options.PollInterval);
            return 0;
        }
    }

    // A receiver's URL may carry a token in its query: the log names the endpoint only.
    private static string WithoutQuery(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Path) : "(not a URL)";

    private static partial class Log
    {
        [LoggerMessage(EventId = TgeDetectionEventIds.OutboxUnconfiguredRows, Level = LogLevel.Warning, Message = "Webhook outbox: {Count} notices since {Oldest} wait for {Webhook}, which this silo does not deliver to (not in Tge:Webhooks); they go out once a silo has it configured again, or delete them (EVENTS.md, \"Webhooks\")")]
        public static partial void UnconfiguredRows(ILogger logger, long count, string webhook, DateTimeOffset oldest);
    }
}
