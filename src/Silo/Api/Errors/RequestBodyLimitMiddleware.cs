using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TgeSwarm.Silo.Configuration;

namespace TgeSwarm.Silo.Api.Errors;

/// <summary>
/// Caps request bodies under <c>/api</c> at <see cref="ApiOptions.MaxRequestBodyBytes"/>. A declared length over the
/// cap is answered 413 before anything is read; a chunked body is cut off by the server when it passes the cap
/// (Kestrel's limit, lowered here for the API), which surfaces as a 413 through <see cref="BadRequestExceptionHandler"/>.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<ApiOptions> options, IProblemDetailsService problems)
{
    private readonly long _limit = options.Value.MaxRequestBodyBytes;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(SwarmApiExtensions.RoutePrefix, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        if (context.Request.ContentLength > _limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "The request body is too large.",
                    Detail = $"The body is {context.Request.ContentLength} bytes; the API accepts at most {_limit} bytes (Api:MaxRequestBodyBytes).",
                },
            });
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = _limit;
        }

        await next(context);
    }
}
