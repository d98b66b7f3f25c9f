namespace TgeSwarm.Client.Api;

/// <summary>
/// An RFC 9457 problem as the API answers every error: <see cref="Title"/> says what went wrong,
/// <see cref="Detail"/> what to do about it, and <see cref="Errors"/> names the fields of a validation failure.
/// </summary>
public sealed record ApiProblem(
    string? Type,
    string? Title,
    int? Status,
    string? Detail,
    IReadOnlyDictionary<string, string[]>? Errors);
