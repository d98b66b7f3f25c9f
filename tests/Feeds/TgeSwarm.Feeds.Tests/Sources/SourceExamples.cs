using System.Text;
using TgeSwarm.Feeds.Sources;
using TgeSwarm.Feeds.Sources.Server;

namespace TgeSwarm.Feeds.Tests.Sources;

/// <summary>The embedded example bodies and a short way to parse them.</summary>
internal static class SourceExamples
{
    public static readonly Uri BinanceApi = new("https://www.binance.com/bapi/composite/v1/public/cms/article/list/query?type=1&catalogId=48&pageNo=1&pageSize=20");
    public static readonly Uri NewsFeed = new("https://news.example.org/feed/");

    public static byte[] Bytes(string name) => ExampleItems.Bytes(name);

    public static SourceParseResult Parse(SourceKind kind, string name, Uri? baseUrl = null, string? contentType = null, SourceParseSettings? settings = null) =>
        SourceParsers.Parse("test-source", kind, Bytes(name), contentType, baseUrl ?? NewsFeed, settings);

    public static SourceParseResult ParseText(SourceKind kind, string body, Uri? baseUrl = null, SourceParseSettings? settings = null) =>
        SourceParsers.Parse("test-source", kind, Encoding.UTF8.GetBytes(body), null, baseUrl ?? NewsFeed, settings);
}
