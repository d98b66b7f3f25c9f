using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace TgeSwarm.Silo.Api.Errors;

/// <summary>
/// ProblemDetails for the error statuses the framework answers with an empty body (no such route, wrong method, a
/// body that is not JSON), each with what to do about it. Answers that already have a body are left alone.
/// </summary>
internal static class StatusCodeProblems
{
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        var (title, detail) = status switch
        {
            StatusCodes.Status404NotFound =>
                ("No such endpoint.", $"Nothing answers {http.Request.Path}; /openapi/v1.json lists the endpoints."),
            StatusCodes.Status405MethodNotAllowed =>
                ("Method not allowed.", $"{http.Request.Path} does not take {http.Request.Method}; /openapi/v1.json lists the methods."),
            StatusCodes.Status415UnsupportedMediaType =>
                ("The request body must be JSON.", "Send the body as JSON with 'Content-Type: application/json'."),
            _ => ((string?)null, (string?)null),
        };
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
