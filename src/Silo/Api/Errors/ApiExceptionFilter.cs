using System.Text.Json;
using System.Text.RegularExpressions;
using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Runtime;

namespace TgeSwarm.Silo.Api.Errors;

/// <summary>
/// Translates what grains and stores throw into answers a caller can act on, at the API's boundary: an
/// <see cref="ArgumentException"/> is the caller's mistake, a 400 ValidationProblem keyed by the parameter it names;
/// an unknown agent a 404; a command the queen's state forbids, or a memory write against a version that moved on, a
/// 409 (nothing was applied); a timeout or a transient runtime failure is a 503 the caller may retry. Anything else propagates to the exception
/// handler (500), because it is a bug to fix, not an answer.
/// </summary>
internal sealed partial class ApiExceptionFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ArgumentException e)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [FieldOf(e)] = [MessageOf(e)] },
                title: "One or more arguments are invalid.");
        }
        catch (AgentNotFoundException e)
        {
            return TypedResults.Problem(detail: e.Message, statusCode: StatusCodes.Status404NotFound, title: "No such agent.");
        }
        catch (AgentConflictException e)
        {
            return TypedResults.Problem(detail: e.Message, statusCode: StatusCodes.Status409Conflict, title: "The swarm's state forbids this command; nothing was changed.");
        }
        catch (MemoryVersionConflictException e)
        {
            return TypedResults.Problem(detail: e.Message, statusCode: StatusCodes.Status409Conflict, title: "The entry's version moved on; read it again and retry.");
        }
        catch (Exception e) when (IsRetriable(e))
        {
            return TypedResults.Problem(
                detail: e.Message,
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: $"The cluster could not complete the call ({e.GetType().Name}); try again.");
        }
    }

    // InconsistentStateException here means a duplicate activation's write lost: nothing was applied.
    private static bool IsRetriable(Exception e) =>
        e is TimeoutException or InconsistentStateException || e is SwarmException { IsTransient: true };

    /// <summary>
    /// The parameter's name. An exception rebuilt from a remote grain keeps its type and message but not
    /// <see cref="ArgumentException.ParamName"/>; the message still ends in "(Parameter 'name')".
    /// </summary>
    internal static string FieldOf(ArgumentException e)
    {
        // Query and body fields are camelCase; a record's parameter is often named as its property (Limit).
        if (!string.IsNullOrEmpty(e.ParamName))
        {
            return JsonNamingPolicy.CamelCase.ConvertName(e.ParamName);
        }

        var match = ParameterSuffix().Match(e.Message);
        return match.Success ? JsonNamingPolicy.CamelCase.ConvertName(match.Groups[1].Value) : "request";
    }

    private static string MessageOf(ArgumentException e)
    {
        var match = ParameterSuffix().Match(e.Message);
        return match.Success ? e.Message[..match.Index].TrimEnd() : e.Message;
    }

    [GeneratedRegex(@"\s*\(Parameter '([^']+)'\)\s*$")]
    private static partial Regex ParameterSuffix();
}
