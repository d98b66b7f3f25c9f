using System.Data.Common;
using Microsoft.AspNetCore.Routing.Patterns;
using TgeSwarm.Silo.Security;

namespace TgeSwarm.Silo.Api.Audit;

/// <summary>
/// Records every mutating call (not GET, HEAD or OPTIONS) under <c>/api</c> made with a valid key, whatever it answered
/// (403 and 429 included), after the response is decided. Calls without a valid key are not recorded: there is no
/// "who" to record, they are all answered 401, and recording them would let anyone fill the log.
/// <para>
/// Runs inside the exception handler, so an exception escaping the endpoint is recorded as the status it becomes:
/// a request the server refused to read (<see cref="BadHttpRequestException"/>) as its own status, anything else 500.
/// The write uses the host's stopping token, not the request's: a client that hangs up does not erase its call.
/// A failed write is logged with the whole entry (so the log holds it) and does not turn an applied command into an
/// error response.
/// </para>
/// </summary>
internal sealed partial class ApiAuditMiddleware(
    RequestDelegate next,
    IAuditLog log,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<ApiAuditMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsAudited(context.Request))
        {
            await next(context);
            return;
        }

        int? status = null;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        catch (BadHttpRequestException e)
        {
            status = e.StatusCode;
            throw;
        }
        finally
        {
            if (context.User.FindFirst(ApiKeyDefaults.KeyIdClaim)?.Value is { } keyId)
            {
                await AppendAsync(context, keyId, status ?? StatusCodes.Status500InternalServerError);
            }
        }
    }

    private static bool IsAudited(HttpRequest request) =>
        request.Path.StartsWithSegments(SwarmApiExtensions.RoutePrefix, StringComparison.OrdinalIgnoreCase)
        && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method);

    private async Task AppendAsync(HttpContext context, string keyId, int status)
    {
        var endpoint = context.GetEndpoint() as RouteEndpoint;
        var entry = new AuditEntry(
            Id: 0,
            At: time.GetUtcNow(),
            KeyId: keyId,
            KeyName: context.User.FindFirst(ApiKeyDefaults.KeyNameClaim)?.Value,
            Method: context.Request.Method,
            Route: Route(endpoint?.RoutePattern.RawText ?? context.Request.Path.Value),
            Target: ApiAudit.GetTarget(context) ?? Target(endpoint?.RoutePattern, context.Request.RouteValues),
            Status: status,
            RemoteAddress: context.Connection.RemoteIpAddress?.ToString());
        try
        {
            await log.AppendAsync(entry, lifetime.ApplicationStopping);
        }
        catch (DbException e)
        {
            LogWriteFailed(logger, e, entry.KeyId, entry.Method, entry.Route, entry.Target, entry.Status, entry.At);
        }
    }

    // A group's empty sub-route ("/api" + "/keys" + "") reads "/api/keys/"; the route is the one callers use.
    private static string Route(string? raw) => raw is { Length: > 1 } ? raw.TrimEnd('/') : raw ?? "";

    private static string? Target(RoutePattern? pattern, RouteValueDictionary values)
    {
        if (pattern is null || pattern.Parameters.Count == 0)
        {
            return null;
        }

        return string.Join(',', pattern.Parameters.Select(p => $"{p.Name}={values[p.Name]}"));
    }

    [LoggerMessage(EventId = ApiEventIds.AuditWriteFailed, Level = LogLevel.Error,
        Message = "Audit entry not stored: key {KeyId} {Method} {Route} target {Target} status {Status} at {At:O}")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string? keyId, string method, string route, string? target, int status, DateTimeOffset at);
}
