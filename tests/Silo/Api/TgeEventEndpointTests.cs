using System.Net;
using TgeSwarm.Client.Api;
using TgeSwarm.Grains.Interfaces.Tge;

namespace TgeSwarm.Silo.Tests.Api;

/// <summary>A factory of its own, so the event store holds exactly what these tests put in it.</summary>
public sealed class TgeEventEndpointTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ApiSiloFactory _factory = new();

    public async Task InitializeAsync()
    {
        for (var i = 0; i < 7; i++)
        {
            var kind = i % 2 == 0 ? TgeKind.Listing : TgeKind.Airdrop;
            await _factory.Events.SaveAsync(FakeTgeEventStore.Event($"token-{i}", $"TK{i}", kind, 0.5 + (i * 0.05), Start.AddHours(i)), CancellationToken.None);
        }
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Events_page_newest_first_through_the_cursor_with_filters_applied()
    {
        var api = _factory.Admin();
        var query = new TgeEventQuery(Kind: TgeKind.Listing, MinConfidence: 0.55, Limit: 2);

        var first = await api.QueryTgeEventsAsync(query);
        var second = await api.QueryTgeEventsAsync(query with { Cursor = first.NextCursor });

        Assert.Equal(["token-6", "token-4"], first.Items.Select(e => e.TokenSlug));
        Assert.Equal(["token-2"], second.Items.Select(e => e.TokenSlug));
        Assert.Null(second.NextCursor);
    }

    [Fact]
    public async Task Events_are_filtered_by_time_and_token()
    {
        var api = _factory.Admin();

        var window = await api.QueryTgeEventsAsync(new TgeEventQuery(From: Start.AddHours(2), To: Start.AddHours(4)));
        var bySymbol = await api.QueryTgeEventsAsync(new TgeEventQuery(Token: "tk5"));

        Assert.Equal(["token-3", "token-2"], window.Items.Select(e => e.TokenSlug));
        Assert.Equal("token-5", Assert.Single(bySymbol.Items).TokenSlug);
    }

    [Fact]
    public async Task One_event_by_slug_or_a_404_problem()
    {
        var api = _factory.Admin();

        var found = await api.GetTgeEventAsync("token-3");
        var missing = await Assert.ThrowsAsync<SwarmApiException>(() => api.GetTgeEventAsync("never-listed"));

        Assert.Equal(TgeKind.Airdrop, found.Kind);
        Assert.Equal("TK3", found.Symbol);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("'never-listed'", missing.Problem.Detail, StringComparison.Ordinal);
    }
}
