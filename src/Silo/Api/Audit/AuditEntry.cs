namespace TgeSwarm.Silo.Api.Audit;

/// <summary>One mutating API call: who (key), what (method, route, target), the outcome (HTTP status), when and from where.</summary>
/// <param name="Id">Increases with every entry; the paging cursor. 0 on an entry not yet stored.</param>
/// <param name="Route">The endpoint's route pattern, e.g. <c>/api/keys/{id}</c>; the request path when no endpoint matched.</param>
/// <param name="Target">The route values the call named (<c>id=k_0123</c>), or what the endpoint created.</param>
internal sealed record AuditEntry(
    long Id,
    DateTimeOffset At,
    string? KeyId,
    string? KeyName,
    string Method,
    string Route,
    string? Target,
    int Status,
    string? RemoteAddress);
