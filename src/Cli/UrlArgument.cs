using System.CommandLine.Parsing;

namespace TgeSwarm.Cli;

/// <summary>Reads a <c>--url</c> value: System.CommandLine has no converter for <see cref="Uri"/>.</summary>
internal static class UrlArgument
{
    public static Uri? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[^1].Value;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return uri;
        }

        result.AddError($"{result.Argument.Name} must be an absolute http(s) address such as http://127.0.0.1:8080; got '{text}'.");
        return null;
    }
}
