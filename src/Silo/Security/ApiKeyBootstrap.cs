using Microsoft.Extensions.Options;
using TgeSwarm.Silo.Configuration;

namespace TgeSwarm.Silo.Security;

/// <summary>
/// Makes sure someone can call the API once the silo is up: the configured <c>Api:AdminKey</c> is stored (hashed) as
/// the key <c>config-admin</c>; without one, the embedded default generates an admin key for this run and logs it
/// once, in a line meant to be copied; a cluster member without one relies on the keys already in PostgreSQL, and
/// says so when there is no usable admin key among them.
/// </summary>
internal sealed partial class ApiKeyBootstrap(
    ApiKeyIssuer issuer,
    IApiKeyStore store,
    IOptions<ApiOptions> options,
    ApiHostShape shape,
    ILogger<ApiKeyBootstrap> logger) : IHostedService
{
    public const string GeneratedAdminId = "generated-admin";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.AdminKey is { } configured)
        {
            await issuer.AddAdminAsync(ApiKeyIssuer.ConfiguredAdminId, "Api:AdminKey", configured, cancellationToken);
            LogConfigured(logger);
            return;
        }

        if (!shape.IsClusterMember)
        {
            var secret = ApiKeySecret.NewKey();
            await issuer.AddAdminAsync(GeneratedAdminId, "generated at start-up", secret, cancellationToken);
            LogGenerated(logger, secret, ApiKeyDefaults.HeaderName);
            return;
        }

        var keys = await store.ListAsync(cancellationToken);
        if (!keys.Any(k => k.Role == ApiRole.Admin && !k.IsRevoked))
        {
            LogNoAdmin(logger);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = Api.ApiEventIds.GeneratedAdminKey, Level = LogLevel.Warning,
        Message = "API admin key for this run: {Key} (send it in the {Header} header; set Api:AdminKey to choose your own)")]
    private static partial void LogGenerated(ILogger logger, string key, string header);

    [LoggerMessage(EventId = Api.ApiEventIds.ConfiguredAdminKey, Level = LogLevel.Information, Message = "API admin key from Api:AdminKey is active (key id config-admin)")]
    private static partial void LogConfigured(ILogger logger);

    [LoggerMessage(EventId = Api.ApiEventIds.NoAdminKey, Level = LogLevel.Warning,
        Message = "No API admin key is active in PostgreSQL and Api:AdminKey is not set: nobody can create keys. Set Api:AdminKey on a silo and restart it.")]
    private static partial void LogNoAdmin(ILogger logger);
}
