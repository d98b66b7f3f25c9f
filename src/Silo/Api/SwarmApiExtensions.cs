using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TgeSwarm.Grains.Caching;
using TgeSwarm.Grains.Coordination.Hosting;
using TgeSwarm.Silo.Api.Agents;
using TgeSwarm.Silo.Api.Audit;
using TgeSwarm.Silo.Api.Cluster;
using TgeSwarm.Silo.Api.Errors;
using TgeSwarm.Silo.Api.Keys;
using TgeSwarm.Silo.Api.Market;
using TgeSwarm.Silo.Api.Memory;
using TgeSwarm.Silo.Api.RateLimiting;
using TgeSwarm.Silo.Api.Swarm;
using TgeSwarm.Silo.Api.Tge;
using TgeSwarm.Silo.Configuration;
using TgeSwarm.Silo.Security;

namespace TgeSwarm.Silo.Api;

/// <summary>
/// The REST API (src/Silo/Api/API.md): <see cref="AddSwarmApi"/> registers it, <see cref="UseSwarmApi"/> puts its
/// middleware in the pipeline (after the exception handler), <see cref="MapSwarmApi"/> maps <c>/api/...</c> and the
/// OpenAPI document.
/// <para>
/// Every <c>/api</c> endpoint needs an API key (viewer unless it says more). Order of the pipeline and why:
/// authentication first (the audit and the rate limiter need to know the key); the audit next, so it sees the final
/// status of everything after it, refusals included; the body limit; the rate limiter, before authorization, so a
/// key whose calls are refused still spends its permits; authorization last.
/// </para>
/// </summary>
internal static class SwarmApiExtensions
{
    public const string RoutePrefix = "/api";

    public static WebApplicationBuilder AddSwarmApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ApiOptions>().Bind(builder.Configuration.GetSection(ApiOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddReadCaches();
        services.Configure<ReadCacheOptions>(ApiKeyResolver.CacheName, o => o.Capacity = 4096);

        var shape = new ApiHostShape(builder.Configuration[$"{SwarmHostOptions.SectionName}:{nameof(SwarmHostOptions.Postgres)}"]);
        services.AddSingleton(shape);
        if (shape.IsClusterMember)
        {
            services.AddSingleton(sp => new ApiDatabase(shape.PostgresConnectionString!, sp.GetRequiredService<ILoggerFactory>()));
            services.AddSingleton<IApiKeyStore, PostgresApiKeyStore>();
            services.AddSingleton<IAuditLog, PostgresAuditLog>();
        }
        else
        {
            services.AddSingleton<IApiKeyStore, MemoryApiKeyStore>();
            services.AddSingleton<IAuditLog, MemoryAuditLog>();
        }

        services.AddSingleton<ApiKeyResolver>();
        services.AddSingleton<ApiKeyIssuer>();
        services.AddHostedService<ApiKeyBootstrap>();

        services.AddAuthentication(ApiKeyDefaults.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, configureOptions: null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.Viewer, p => p.RequireAuthenticatedUser().RequireRole(ApiRoles.AtLeast(ApiRole.Viewer)))
            .AddPolicy(ApiPolicies.Operator, p => p.RequireAuthenticatedUser().RequireRole(ApiRoles.AtLeast(ApiRole.Operator)))
            .AddPolicy(ApiPolicies.Admin, p => p.RequireAuthenticatedUser().RequireRole(ApiRoles.AtLeast(ApiRole.Admin)));
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiAuthorizationResultHandler>();
        services.AddRateLimiter(o => o.AddPolicy<string, ApiRateLimitPolicy>(ApiRateLimitPolicy.Name));

        // Minimal APIs answer a body or query value they cannot read with a bare 400; thrown instead, it becomes a
        // ProblemDetails that says what was wrong (BadRequestExceptionHandler).
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        services.AddMarketReads(builder.Configuration);

        // The queen and the memory grains the agent, pipeline, task and memory endpoints drive (idempotent: the silo's
        // own composition may add them too).
        services.AddCoordination(builder.Configuration);
        services.AddOpenApi(o => o.AddDocumentTransformer<ApiKeySecuritySchemeTransformer>());
        return builder;
    }

    public static WebApplication UseSwarmApi(this WebApplication app)
    {
        app.UseStatusCodePages(StatusCodeProblems.WriteAsync);
        app.UseAuthentication();
        app.UseMiddleware<ApiAuditMiddleware>();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapSwarmApi(this WebApplication app)
    {
        var api = app.MapGroup(RoutePrefix)
            .RequireAuthorization(ApiPolicies.Viewer)
            .AddEndpointFilter<ApiExceptionFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        if (app.Services.GetRequiredService<IOptions<ApiOptions>>().Value.RateLimit.Enabled)
        {
            api.RequireRateLimiting(ApiRateLimitPolicy.Name).ProducesProblem(StatusCodes.Status429TooManyRequests);
        }

        api.MapApiKeys().MapAudit().MapCluster().MapMarket().MapTgeEvents().MapAgents().MapSwarm().MapMemory();
        app.MapOpenApi();
        return app;
    }
}
