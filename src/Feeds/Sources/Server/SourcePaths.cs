namespace TgeSwarm.Feeds.Sources.Server;

/// <summary>The path of each kind of source, and the redirect-loop partner path.</summary>
internal static class SourcePaths
{
    public const string LoopPrefix = "/loop/";

    public static string Prefix(SourceKind kind) => kind switch
    {
        SourceKind.Rss => "/rss/",
        SourceKind.Atom => "/atom/",
        SourceKind.BinanceCms => "/api/binance/",
        SourceKind.Okx => "/api/okx/",
        SourceKind.Bybit => "/api/bybit/",
        SourceKind.Html => "/html/",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown source kind"),
    };

    public static string PathOf(SourceKind kind, string id) => Prefix(kind) + id;

    public static bool IsValidId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 100 && id.AsSpan().IndexOfAnyExcept(Allowed) < 0 && id is not "." and not "..";

    private static readonly System.Buffers.SearchValues<char> Allowed =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.");
}
