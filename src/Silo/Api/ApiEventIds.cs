namespace TgeSwarm.Silo.Api;

/// <summary>Every log event id of the REST API, so ids stay unique and a log filter keeps meaning the same event.</summary>
internal static class ApiEventIds
{
    // Keys and authentication: 9100-9119.
    public const int GeneratedAdminKey = 9100;
    public const int ConfiguredAdminKey = 9101;
    public const int NoAdminKey = 9102;
    public const int KeyCreated = 9103;
    public const int KeyRevoked = 9104;
    public const int AuthenticationFailed = 9105;

    // Audit: 9120-9139.
    public const int AuditWriteFailed = 9120;
}
