using TgeSwarm.Feeds.Sources.Formats;

namespace TgeSwarm.Feeds.Sources;

/// <summary>
/// The one entry point that reads a source's body into <see cref="SourceItem"/>s.
/// <para>
/// Guarantees: never throws for anything in the body (only for bad arguments); every refusal is a counted
/// <see cref="SourceProblem"/>; bodies over <see cref="SourceParseSettings.MaxBodyBytes"/> are refused before any
/// parsing; text comes out as bounded plain text with scripts removed; links come out absolute http(s) or not at
/// all; XML is read with DTDs prohibited.
/// </para>
/// <para>
/// Steps: size check → charset (BOM, Content-Type, XML declaration / meta, UTF-8) → the kind's parser (RSS and Atom
/// are told apart by their root, so either kind reads either) → per item: sanitise, resolve the link against
/// <c>baseUrl</c>, read the date keeping its zone, choose a stable id.
/// </para>
/// </summary>
public static class SourceParsers
{
    /// <summary>Parses a body already in memory.</summary>
    /// <param name="sourceId">The configured source's id, copied into each item.</param>
    /// <param name="kind">The source's configured format.</param>
    /// <param name="body">The raw response body.</param>
    /// <param name="contentType">The response's Content-Type header, if any (its charset is honoured).</param>
    /// <param name="baseUrl">The URL the body was fetched from (after redirects): relative links resolve against it.</param>
    /// <param name="settings">Bounds and HTML selectors; <see cref="SourceParseSettings.Default"/> when null.</param>
    public static SourceParseResult Parse(string sourceId, SourceKind kind, ReadOnlySpan<byte> body, string? contentType, Uri baseUrl, SourceParseSettings? settings = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceId);
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (!baseUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("The base URL must be absolute.", nameof(baseUrl));
        }

        var context = new ParseContext(sourceId, baseUrl, settings ?? SourceParseSettings.Default);
        if (body.Length > context.Settings.MaxBodyBytes)
        {
            return context.Fail(SourceProblem.BodyTooLarge);
        }

        var text = BodyDecoder.Decode(body, contentType, context);
        if (string.IsNullOrWhiteSpace(text))
        {
            return context.Fail(SourceProblem.EmptyBody);
        }

        return kind switch
        {
            SourceKind.Rss or SourceKind.Atom => XmlFeedParser.Parse(text, context),
            SourceKind.BinanceCms or SourceKind.Okx or SourceKind.Bybit => JsonAnnouncementParser.Parse(kind, text, context),
            SourceKind.Html => HtmlListParser.Parse(text, context),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown source kind"),
        };
    }

    /// <summary>
    /// Reads <paramref name="body"/> up to <see cref="SourceParseSettings.MaxBodyBytes"/> and parses it; a longer
    /// stream is refused (<see cref="SourceProblem.BodyTooLarge"/>) without reading the rest.
    /// </summary>
    public static async Task<SourceParseResult> ParseAsync(string sourceId, SourceKind kind, Stream body, string? contentType, Uri baseUrl, SourceParseSettings? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var limits = settings ?? SourceParseSettings.Default;
        var buffer = new byte[Math.Min(limits.MaxBodyBytes + 1, 64 * 1024)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > limits.MaxBodyBytes)
                {
                    return Parse(sourceId, kind, buffer.AsSpan(0, length), contentType, baseUrl, limits);
                }

                Array.Resize(ref buffer, (int)Math.Min((long)limits.MaxBodyBytes + 1, buffer.Length * 2L));
            }

            var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        return Parse(sourceId, kind, buffer.AsSpan(0, length), contentType, baseUrl, limits);
    }
}
