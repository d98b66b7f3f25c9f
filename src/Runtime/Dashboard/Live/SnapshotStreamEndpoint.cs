using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Dashboard.Diagnostics;
using TgeSwarm.Runtime.Dashboard.Snapshots;

namespace TgeSwarm.Runtime.Dashboard.Live;

/// <summary>
/// One live connection as server-sent events: a <c>session</c> event (who is looking, which action roles they
/// hold), then a <c>snapshot</c> event with id = version for each sample it is ready for, and a comment line
/// after <see cref="DashboardOptions.HeartbeatInterval"/> of silence. It ends when the client goes away or the
/// host stops; the subscription it holds is released either way, so the last one out stops the sampling.
/// </summary>
internal static partial class SnapshotStreamEndpoint
{
    private static readonly byte[] Heartbeat = ": heartbeat\n\n"u8.ToArray();

    public static async Task StreamAsync(
        HttpContext context,
        SnapshotProducer producer,
        DashboardClock clock,
        IOptions<DashboardOptions> options,
        IHostApplicationLifetime lifetime,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(SnapshotStreamEndpoint).FullName!);
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var cancellationToken = stop.Token;
        using var subscription = producer.Subscribe();
        LogConnected(logger, context.Connection.RemoteIpAddress?.ToString());
        try
        {
            await WriteEventAsync(response, "session", JsonSerializer.SerializeToUtf8Bytes(await SessionOfAsync(context, options.Value), DashboardJsonContext.Default.DashboardSession), null, cancellationToken);
            var sent = 0L;
            Task<PublishedSnapshot>? pending = null;
            while (!cancellationToken.IsCancellationRequested)
            {
                pending ??= producer.NextAsync(sent, cancellationToken);
                PublishedSnapshot snapshot;
                try
                {
                    snapshot = await pending.WaitAsync(options.Value.HeartbeatInterval, clock.Time, cancellationToken);
                }
                catch (TimeoutException)
                {
                    // Keep waiting on the same sample; the comment line only keeps proxies from closing an idle stream.
                    await response.Body.WriteAsync(Heartbeat, cancellationToken);
                    await response.Body.FlushAsync(cancellationToken);
                    continue;
                }

                pending = null;
                await WriteEventAsync(response, "snapshot", snapshot.Json, snapshot.Version, cancellationToken);
                sent = snapshot.Version;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away or the host is stopping: the normal end of a live connection.
        }
        finally
        {
            LogDisconnected(logger, context.Connection.RemoteIpAddress?.ToString());
        }
    }

    /// <summary>
    /// An action role that names an authorization policy is held when the policy passes (so a host's role hierarchy,
    /// admin above operator, counts); otherwise it is a plain role claim.
    /// </summary>
    private static async Task<DashboardSession> SessionOfAsync(HttpContext context, DashboardOptions options)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return new DashboardSession(null, [], Anonymous: true);
        }

        var policies = context.RequestServices.GetRequiredService<IAuthorizationPolicyProvider>();
        var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
        var held = new List<string>();
        foreach (var role in options.ActionRoles)
        {
            var holds = await policies.GetPolicyAsync(role) is { } policy
                ? (await authorization.AuthorizeAsync(user, resource: null, policy)).Succeeded
                : user.IsInRole(role);
            if (holds)
            {
                held.Add(role);
            }
        }

        return new DashboardSession(user.Identity.Name, held, Anonymous: false);
    }

    private static async Task WriteEventAsync(HttpResponse response, string name, byte[] json, long? id, CancellationToken cancellationToken)
    {
        // The JSON is written without indentation, so it holds no line break and fits one data line.
        var head = new StringBuilder();
        if (id is not null)
        {
            head.Append("id: ").Append(id.Value).Append('\n');
        }

        head.Append("event: ").Append(name).Append("\ndata: ");
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(head.ToString()), cancellationToken);
        await response.Body.WriteAsync(json, cancellationToken);
        await response.Body.WriteAsync("\n\n"u8.ToArray(), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    [LoggerMessage(DashboardEventIds.LiveClientConnected, LogLevel.Debug, "Dashboard live connection opened from {Remote}")]
    private static partial void LogConnected(ILogger logger, string? remote);

    [LoggerMessage(DashboardEventIds.LiveClientDisconnected, LogLevel.Debug, "Dashboard live connection from {Remote} ended")]
    private static partial void LogDisconnected(ILogger logger, string? remote);
}
