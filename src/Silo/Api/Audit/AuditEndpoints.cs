using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using TgeSwarm.Silo.Security;

namespace TgeSwarm.Silo.Api.Audit;

/// <summary><c>GET /api/audit?limit=&amp;cursor=</c> (admin): the audit log, newest first, one page at a time.</summary>
internal static class AuditEndpoints
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", ReadAsync).RequireAuthorization(ApiPolicies.Admin).WithTags("Audit").WithName("GetAudit");
        return api;
    }

    private static async Task<Results<Ok<AuditPage>, ValidationProblem>> ReadAsync(
        string? limit, string? cursor, IAuditLog log, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var size = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxLimit))
        {
            errors["limit"] = [$"limit must be a whole number from 1 to {MaxLimit} (was '{limit}')."];
        }

        long? before = null;
        if (cursor is not null)
        {
            if (long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                before = id;
            }
            else
            {
                errors["cursor"] = ["cursor must be the nextCursor of a previous page."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The audit query is invalid.");
        }

        return TypedResults.Ok(await log.ReadAsync(size, before, cancellationToken));
    }
}
