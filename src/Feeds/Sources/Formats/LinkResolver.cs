namespace TgeSwarm.Feeds.Sources.Formats;

/// <summary>Turns a link as written in a body into an absolute http(s) URL, or refuses it.</summary>
internal static class LinkResolver
{
    public static Uri? Resolve(string? raw, Uri baseUrl, ParseContext context)
    {
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        // Relative links resolve against the URL the body was fetched from; javascript:, data: and file: links are
        // refused so nothing downstream can be steered into following them.
        if (!Uri.TryCreate(baseUrl, text, out var link) || (link.Scheme != Uri.UriSchemeHttp && link.Scheme != Uri.UriSchemeHttps))
        {
            context.Count(SourceProblem.BadLink);
            return null;
        }

        return link;
    }
}
