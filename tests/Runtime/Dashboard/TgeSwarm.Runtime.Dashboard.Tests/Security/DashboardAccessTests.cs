using System.Net;
using TgeSwarm.Runtime.Dashboard.Tests.Hosting;

namespace TgeSwarm.Runtime.Dashboard.Tests.Security;

public sealed class DashboardAccessTests
{
    [Fact]
    public async Task An_anonymous_visitor_of_the_page_is_sent_to_the_login_page()
    {
        await using var host = await DashboardTestHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.GetAsync(new Uri("/dashboard", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard/login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Anonymous_requests_for_data_get_401_as_problem_details()
    {
        await using var host = await DashboardTestHost.StartAsync();
        using var client = host.CreateClient();

        using var events = await client.GetAsync(new Uri("/dashboard/events", UriKind.Relative));
        using var snapshot = await client.GetAsync(new Uri("/dashboard/snapshot", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, events.StatusCode);
        Assert.Equal("application/problem+json", events.Content.Headers.ContentType!.MediaType);
        Assert.Contains("API key", await events.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, snapshot.StatusCode);
        Assert.Equal(0, host.Source.Samples);
    }

    [Fact]
    public async Task The_login_page_and_the_page_files_are_anonymous_and_cached_by_version()
    {
        await using var host = await DashboardTestHost.StartAsync();
        using var client = host.CreateClient();

        using var login = await client.GetAsync(new Uri("/dashboard/login", UriKind.Relative));
        using var script = await client.GetAsync(new Uri("/dashboard/assets/dashboard.js", UriKind.Relative));
        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri("/dashboard/assets/dashboard.js", UriKind.Relative));
        again.Headers.TryAddWithoutValidation("If-None-Match", script.Headers.ETag!.ToString());
        using var notModified = await client.SendAsync(again);
        using var template = await client.GetAsync(new Uri("/dashboard/assets/index.html", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var html = await login.Content.ReadAsStringAsync();
        Assert.Contains("name=\"apiKey\"", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/dashboard/login\"", html, StringComparison.Ordinal);
        Assert.Matches("/dashboard/assets/dashboard.css\\?v=[0-9a-f]{16}", html);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
        Assert.True(script.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromDays(365), script.Headers.CacheControl.MaxAge);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, template.StatusCode);
    }

    [Fact]
    public async Task Logging_in_stores_the_key_in_an_HttpOnly_strict_cookie_that_then_opens_the_page()
    {
        await using var host = await DashboardTestHost.StartAsync();
        using var client = host.CreateClient();

        using var login = await PostLoginAsync(client, TestApiKeyHandler.ViewerKey, host.Address.GetLeftPart(UriPartial.Authority));
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        using var page = await GetWithCookieAsync(client, "/dashboard", cookie.Split(';')[0]);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/dashboard", login.Headers.Location!.OriginalString);
        Assert.StartsWith($"tgeswarm_api_key={TestApiKeyHandler.ViewerKey};", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/;", cookie + ";", StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(page.Headers.CacheControl!.Private);
        Assert.True(page.Headers.CacheControl.NoCache);
        Assert.Contains("data-base=\"/dashboard\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_key_in_the_cookie_sends_the_visitor_back_to_the_login_page_saying_so()
    {
        await using var host = await DashboardTestHost.StartAsync();
        using var client = host.CreateClient();

        using var page = await GetWithCookieAsync(client, "/dashboard", "tgeswarm_api_key=not-a-key");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/dashboard/login?error=rejected", page.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_login_form_posted_from_another_site_is_refused()
    {
        await using var host = await DashboardTestHost.StartAsync();
        using var client = host.CreateClient();

        using var login = await PostLoginAsync(client, TestApiKeyHandler.ViewerKey, "http://evil.example");

        Assert.Equal(HttpStatusCode.Forbidden, login.StatusCode);
        Assert.False(login.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_key_that_does_not_satisfy_the_configured_policy_gets_403()
    {
        await using var host = await DashboardTestHost.StartAsync(o => o.AuthorizationPolicy = "operator");
        using var client = host.CreateClient();

        using var viewer = await GetWithKeyAsync(client, "/dashboard/snapshot", TestApiKeyHandler.ViewerKey);
        using var viewerPage = await GetWithKeyAsync(client, "/dashboard", TestApiKeyHandler.ViewerKey);
        using var operatorAnswer = await GetWithKeyAsync(client, "/dashboard/snapshot", TestApiKeyHandler.OperatorKey);

        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Contains("'operator'", await viewer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, viewerPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, operatorAnswer.StatusCode);
        Assert.Contains("\"grainTypes\"", await operatorAnswer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_AllowAnonymous_set_anyone_sees_the_dashboard()
    {
        await using var host = await DashboardTestHost.StartAsync(o => o.AllowAnonymous = true);
        using var client = host.CreateClient();

        using var page = await client.GetAsync(new Uri("/dashboard", UriKind.Relative));
        using var snapshot = await client.GetAsync(new Uri("/dashboard/snapshot", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, snapshot.StatusCode);
    }

    private static Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string key, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/dashboard/login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("apiKey", key)]),
        };
        request.Headers.Add("Origin", origin);
        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> GetWithCookieAsync(HttpClient client, string path, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> GetWithKeyAsync(HttpClient client, string path, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("X-Api-Key", key);
        return client.SendAsync(request);
    }
}
