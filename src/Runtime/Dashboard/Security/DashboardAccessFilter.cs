using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace TgeSwarm.Runtime.Dashboard.Security;

/// <summary>Runs <see cref="DashboardAccess"/> before a protected dashboard endpoint.</summary>
internal sealed class DashboardAccessFilter(bool isPage, string loginPath) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var access = context.HttpContext.RequestServices.GetRequiredService<DashboardAccess>();
        var refusal = await access.CheckAsync(context.HttpContext, isPage, loginPath);
        return refusal ?? await next(context);
    }
}
