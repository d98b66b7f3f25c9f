using System.Net;

namespace TgeSwarm.Client.Api;

/// <summary>The API answered an error; <see cref="Problem"/> is its ProblemDetails (or a stand-in when the body was not one).</summary>
public sealed class SwarmApiException : Exception
{
    public SwarmApiException()
        : this("The API answered an error.")
    {
    }

    public SwarmApiException(string message)
        : this(message, null)
    {
    }

    public SwarmApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Problem = new ApiProblem(null, message, null, null, null);
    }

    public SwarmApiException(HttpStatusCode statusCode, ApiProblem problem, TimeSpan? retryAfter)
        : base(Describe(statusCode, problem))
    {
        StatusCode = statusCode;
        Problem = problem;
        RetryAfter = retryAfter;
    }

    public HttpStatusCode StatusCode { get; }

    public ApiProblem Problem { get; }

    /// <summary>The server's Retry-After on a 429 or 503; null when it gave none.</summary>
    public TimeSpan? RetryAfter { get; }

    private static string Describe(HttpStatusCode statusCode, ApiProblem problem)
    {
        var text = $"{(int)statusCode} {problem.Title}";
        if (!string.IsNullOrEmpty(problem.Detail))
        {
            text += " " + problem.Detail;
        }

        if (problem.Errors is { Count: > 0 } errors)
        {
            text += " " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
        }

        return text;
    }
}
