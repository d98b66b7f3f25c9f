using System.Reflection;

namespace TgeSwarm.Feeds.Sources.Server;

/// <summary>Seeds a local source from an embedded example (Sources/Data) or a file, read with the real parsers.</summary>
internal static class ExampleItems
{
    private const string ResourcePrefix = "TgeSwarm.Feeds.Sources.Data.";

    public static IReadOnlyList<string> Names { get; } =
        ["binance_cms_articles.json", "okx_announcements.json", "bybit_announcements.json", "news_rss.xml", "news_atom.xml", "listing_page.html"];

    /// <summary>The raw bytes of an embedded example.</summary>
    public static byte[] Bytes(string name)
    {
        using var stream = typeof(ExampleItems).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new FileNotFoundException($"Embedded example '{name}' is missing from {typeof(ExampleItems).Assembly.GetName().Name}.", name);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static SourceParseResult Read(LocalSourceOptions source, Uri feedUrl)
    {
        var body = source.File is not null ? File.ReadAllBytes(source.File) : source.Example is not null ? Bytes(source.Example) : null;
        if (body is null)
        {
            return new SourceParseResult([], new Dictionary<SourceProblem, int>(), null);
        }

        var settings = new SourceParseSettings { Html = LocalSourceServer.HtmlSelectors, MaxItems = source.PageSize * 10 };
        return SourceParsers.Parse(source.Id, source.Kind, body, null, feedUrl, settings);
    }

    public static LocalSourceItem ToServed(SourceItem item, Uri feedUrl) =>
        new(item.ItemId, item.Title, item.Summary.Length == 0 ? null : item.Summary, item.Link?.AbsoluteUri ?? new Uri(feedUrl, "#" + Uri.EscapeDataString(item.ItemId)).AbsoluteUri, item.Published ?? DateTimeOffset.UnixEpoch);
}
