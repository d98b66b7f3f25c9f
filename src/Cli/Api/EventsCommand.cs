using System.CommandLine;
using TgeSwarm.Grains.Interfaces.Tge;

namespace TgeSwarm.Cli.Api;

/// <summary><c>tgeswarm events list|tail</c>: detected TGE events, queried or followed as they arrive.</summary>
internal static class EventsCommand
{
    public static Command Create(ApiConnector connector)
    {
        var command = new Command("events", "Query detected TGE events, or follow them as they arrive.");
        command.Subcommands.Add(List(connector));
        command.Subcommands.Add(Tail(connector));
        return command;
    }

    private static Command List(ApiConnector connector)
    {
        var api = new ApiOptions(connector);
        var token = new Option<string?>("--token") { Description = "Only this token (slug or symbol)." };
        var kind = new Option<TgeKind?>("--kind") { Description = "Only this kind (listing, launchpool, launchpad, megadrop, airdrop, tge, sale)." };
        var minConfidence = new Option<double?>("--min-confidence") { Description = "Only events at least this confident (0..1)." };
        var since = new Option<TimeSpan?>("--since") { Description = "Only events first seen within this long (e.g. 01:00:00 for an hour)." };
        var limit = new Option<int>("--limit") { Description = "How many events (1..500), newest first.", DefaultValueFactory = static _ => 50 };
        var command = new Command("list", "List detected events, newest first.") { token, kind, minConfidence, since, limit };
        api.AddTo(command);
        command.SetAction((result, ct) => api.RunAsync(result, async (client, json, output, cancellationToken) =>
        {
            var from = result.GetValue(since) is { } window ? DateTimeOffset.UtcNow - window : (DateTimeOffset?)null;
            var page = await client.QueryTgeEventsAsync(
                new TgeEventQuery(From: from, Token: result.GetValue(token), Kind: result.GetValue(kind), MinConfidence: result.GetValue(minConfidence), Limit: result.GetValue(limit)),
                cancellationToken);
            if (json)
            {
                TextTable.WriteJson(output, page);
                return;
            }

            var table = Table();
            foreach (var item in page.Items)
            {
                Row(table, item);
            }

            table.WriteTo(output);
            output.WriteLine(page.NextCursor is null ? $"{page.Items.Count} events" : $"{page.Items.Count} events (more: raise --limit or narrow the query)");
        }, ct));
        return command;
    }

    private static Command Tail(ApiConnector connector)
    {
        var api = new ApiOptions(connector);
        var interval = new Option<TimeSpan>("--interval") { Description = "How often to ask for new events.", DefaultValueFactory = static _ => TimeSpan.FromSeconds(2) };
        var since = new Option<TimeSpan>("--since") { Description = "Also show events first seen within this long before now.", DefaultValueFactory = static _ => TimeSpan.FromMinutes(10) };
        var command = new Command("tail", "Print events as they are detected or updated, until Ctrl+C.") { interval, since };
        api.AddTo(command);
        command.SetAction((result, ct) => api.RunAsync(result, async (client, json, output, cancellationToken) =>
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var from = DateTimeOffset.UtcNow - result.GetRequiredValue(since);
            var period = result.GetRequiredValue(interval);
            output.WriteLine($"following events first seen since {from:u}; Ctrl+C stops");
            using var timer = new PeriodicTimer(period);
            do
            {
                var page = await client.QueryTgeEventsAsync(new TgeEventQuery(From: from, Limit: 500), cancellationToken);

                // Pages are newest first; print oldest first, as a log reads.
                for (var i = page.Items.Count - 1; i >= 0; i--)
                {
                    var item = page.Items[i];
                    if (seen.TryGetValue(item.TokenSlug, out var version) && version >= item.Version)
                    {
                        continue;
                    }

                    var change = seen.ContainsKey(item.TokenSlug) ? "updated" : "new";
                    seen[item.TokenSlug] = item.Version;
                    if (json)
                    {
                        output.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { change, item }, Client.Api.SwarmApiJson.Options));
                    }
                    else
                    {
                        output.WriteLine($"{item.FirstSeenAt:u} {change,-7} {item.Kind,-10} {item.Symbol ?? item.TokenSlug,-10} {item.Venue ?? "-",-8} {item.Confidence:0.00}  {item.Sightings.Count} source(s)  {item.Title}");
                    }
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }, ct));
        return command;
    }

    private static TextTable Table() => new("FIRST SEEN", "KIND", "SYMBOL", "NAME", "VENUE", "CONF", "SOURCES", "TITLE");

    private static void Row(TextTable table, TgeEvent item) =>
        table.Add(item.FirstSeenAt, item.Kind, item.Symbol, item.Name, item.Venue, item.Confidence, item.Sightings.Count, item.Title);
}
