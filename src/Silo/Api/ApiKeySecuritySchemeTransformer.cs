using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TgeSwarm.Silo.Security;

namespace TgeSwarm.Silo.Api;

/// <summary>Declares the API key (header <c>X-Api-Key</c>) in the OpenAPI document, so generated clients and tools send it.</summary>
internal sealed class ApiKeySecuritySchemeTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyDefaults.Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyDefaults.HeaderName,
            Description = "An API key (viewer, operator or admin); also accepted as 'Authorization: Bearer <key>'. See API.md.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyDefaults.Scheme, document)] = [] });
        return Task.CompletedTask;
    }
}
