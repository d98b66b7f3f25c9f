using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace TgeSwarm.Silo.Api.Errors;

/// <summary>
/// A request the framework refused to read (malformed JSON, a body of the wrong type or size, a route or query value
/// that does not parse) as a ProblemDetails with the framework's status and a message that says what to fix; for
/// malformed JSON, where in the body. Minimal APIs throw these only because <c>ThrowOnBadRequest</c> is on: otherwise
/// they answer a bare 400 with no body.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var (title, detail) = bad switch
        {
            { StatusCode: StatusCodes.Status413PayloadTooLarge } => ("The request body is too large.", bad.Message),
            { StatusCode: StatusCodes.Status415UnsupportedMediaType } =>
                ("The request body must be JSON.", "Send the body with 'Content-Type: application/json'. " + bad.Message),
            { InnerException: JsonException json } =>
                ("The request body is not valid JSON.", $"{json.Message} Fix the body at that position and send it again."),
            _ => ("The request could not be read.", bad.Message),
        };
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = bad.StatusCode, Title = title, Detail = detail },
        });
    }
}
