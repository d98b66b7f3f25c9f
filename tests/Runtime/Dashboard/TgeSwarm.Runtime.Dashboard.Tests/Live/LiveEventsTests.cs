using System.Net.Http.Headers;
using System.Text.Json;
using TgeSwarm.Runtime.Dashboard.Tests.Hosting;

namespace TgeSwarm.Runtime.Dashboard.Tests.Live;

public sealed class LiveEventsTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_client_gets_its_session_and_then_a_snapshot_per_sample()
    {
        await using var host = await DashboardTestHost.StartAsync(o => o.SampleInterval = TimeSpan.FromSeconds(1));
        using var client = host.CreateClient();
        using var response = await OpenAsync(client, TestApiKeyHandler.ViewerKey);
        using var events = new SseReader(await response.Content.ReadAsStreamAsync());

        var session = await events.ReadUntilAsync("session");
        var first = await events.ReadUntilAsync("snapshot");
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await events.ReadUntilAsync("snapshot");

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using (var sessionJson = JsonDocument.Parse(session.Data))
        {
            Assert.Equal("viewer-user", sessionJson.RootElement.GetProperty("user").GetString());
            Assert.Equal(["viewer"], sessionJson.RootElement.GetProperty("roles").EnumerateArray().Select(static r => r.GetString()));
        }

        Assert.Equal("1", first.Id);
        Assert.Equal("2", second.Id);
        using var snapshot = JsonDocument.Parse(second.Data);
        Assert.Equal(2, snapshot.RootElement.GetProperty("version").GetInt64());
        Assert.Equal("counter", snapshot.RootElement.GetProperty("grainTypes")[0].GetProperty("type").GetString());
        Assert.Equal(2, snapshot.RootElement.GetProperty("grainTypes")[0].GetProperty("activations").GetInt32());
    }

    [Fact]
    public async Task Closing_the_connection_ends_the_stream_and_with_no_client_left_sampling_stops()
    {
        await using var host = await DashboardTestHost.StartAsync();
        using var client = host.CreateClient();
        var response = await OpenAsync(client, TestApiKeyHandler.ViewerKey);
        var events = new SseReader(await response.Content.ReadAsStreamAsync());
        await events.ReadUntilAsync("snapshot");
        Assert.Equal(1, host.Producer.Subscribers);

        events.Dispose();
        response.Dispose();
        await host.Producer.Loop.WaitAsync(Bound);
        var samples = host.Source.Samples;
        host.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(0, host.Producer.Subscribers);
        Assert.Equal(samples, host.Source.Samples);
    }

    [Fact]
    public async Task A_quiet_stream_carries_heartbeat_comments()
    {
        await using var host = await DashboardTestHost.StartAsync(o =>
        {
            o.SampleInterval = TimeSpan.FromHours(1);
            o.HeartbeatInterval = TimeSpan.FromSeconds(5);
        });
        using var client = host.CreateClient();
        using var response = await OpenAsync(client, TestApiKeyHandler.ViewerKey);
        using var events = new SseReader(await response.Content.ReadAsStreamAsync());
        await events.ReadUntilAsync("snapshot");

        // The connection starts its heartbeat wait after writing the snapshot; advancing until the comment arrives
        // covers an advance that came before the wait began (the reads are bounded, the loop is too).
        var heartbeat = Task.Run(() => events.ReadUntilAsync("comment"));
        for (var i = 0; i < 100 && !heartbeat.IsCompleted; i++)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(5));
            await Task.WhenAny(heartbeat, Task.Delay(TimeSpan.FromMilliseconds(50)));
        }

        Assert.Equal("heartbeat", (await heartbeat.WaitAsync(Bound)).Data);
    }

    [Fact]
    public async Task Stopping_the_host_ends_open_streams()
    {
        var host = await DashboardTestHost.StartAsync();
        using var client = host.CreateClient();
        using var response = await OpenAsync(client, TestApiKeyHandler.ViewerKey);
        using var events = new SseReader(await response.Content.ReadAsStreamAsync());
        await events.ReadUntilAsync("snapshot");
        var producer = host.Producer;

        var stopping = host.DisposeAsync().AsTask();
        SseEvent? next;
        do
        {
            next = await events.ReadAsync("the end of the stream after the host stopped");
        }
        while (next is not null);

        await stopping.WaitAsync(Bound);
        Assert.Equal(0, producer.Subscribers);
    }

    private static async Task<HttpResponseMessage> OpenAsync(HttpClient client, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/dashboard/events", UriKind.Relative));
        request.Headers.Add("X-Api-Key", key);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(Bound);
        response.EnsureSuccessStatusCode();
        return response;
    }
}
