using System.Security.Claims;
using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Silo.Security;

namespace TgeSwarm.Silo.Api;

/// <summary>Who a command comes from, as the queen's action log and the memory entries record it: the API key's name and id.</summary>
internal static class ApiActor
{
    public static string Of(ClaimsPrincipal user) =>
        $"{user.FindFirst(ApiKeyDefaults.KeyNameClaim)?.Value} ({user.FindFirst(ApiKeyDefaults.KeyIdClaim)?.Value})";

    public static ActionOrigin Origin(ClaimsPrincipal user, string? reason) => new(Of(user), reason);
}
