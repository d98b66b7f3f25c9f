using System.Net;
using TgeSwarm.Client.Api;

namespace TgeSwarm.Silo.Tests.Api;

/// <summary>A factory of its own: the audit log starts empty, so entries can be asserted exactly.</summary>
public sealed class ApiAuditTests : IDisposable
{
    private readonly ApiSiloFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Every_mutating_call_with_a_key_is_audited_with_who_what_and_outcome_newest_first()
    {
        var admin = _factory.Admin();
        var viewer = await admin.CreateKeyAsync("auditor", "viewer");
        await Assert.ThrowsAsync<SwarmApiException>(() => _factory.Client(viewer.Key).CreateKeyAsync("escalate", "admin"));
        await admin.RevokeKeyAsync(viewer.Id);
        await admin.ListKeysAsync();

        var page = await admin.GetAuditAsync();

        Assert.Null(page.NextCursor);
        Assert.Equal(
            [
                ("config-admin", "DELETE", "/api/keys/{id}", $"id={viewer.Id}", 204),
                (viewer.Id, "POST", "/api/keys", null, 403),
                ("config-admin", "POST", "/api/keys", $"id={viewer.Id}", 201),
            ],
            page.Items.Select(e => (e.KeyId, e.Method, e.Route, e.Target, e.Status)).ToArray());
        Assert.Equal(["Api:AdminKey", "auditor", "Api:AdminKey"], page.Items.Select(e => e.KeyName));
        Assert.True(page.Items[0].Id > page.Items[1].Id && page.Items[1].Id > page.Items[2].Id);
    }

    [Fact]
    public async Task The_audit_log_pages_back_with_a_cursor_without_gaps_or_repeats()
    {
        var admin = _factory.Admin();
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await admin.CreateKeyAsync($"paged-{i}", "viewer")).Id);
        }

        var first = await admin.GetAuditAsync(limit: 2);
        var second = await admin.GetAuditAsync(limit: 2, cursor: first.NextCursor);
        var third = await admin.GetAuditAsync(limit: 2, cursor: second.NextCursor);

        var targets = first.Items.Concat(second.Items).Concat(third.Items).Select(e => e.Target).ToArray();
        Assert.Equal(created.AsEnumerable().Reverse().Select(id => $"id={id}"), targets);
        Assert.NotNull(second.NextCursor);
        Assert.Null(third.NextCursor);
        Assert.Single(third.Items);
    }

    [Fact]
    public async Task Calls_without_a_valid_key_and_reads_are_not_audited()
    {
        using var http = _factory.CreateClient();
        using var anonymous = await http.PostAsync(new Uri("/api/keys", UriKind.Relative), content: null);
        await _factory.Admin().ListKeysAsync();

        var page = await _factory.Admin().GetAuditAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Empty(page.Items);
    }
}
