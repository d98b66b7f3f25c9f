namespace TgeSwarm.Silo.Security;

/// <summary>Why a request's credentials were refused, with the message a person can act on.</summary>
internal sealed class ApiKeyFailure(ApiKeyFailureKind kind, string message) : Exception(message)
{
    public ApiKeyFailureKind Kind { get; } = kind;
}
