using TgeSwarm.Grains.Interfaces.Tge;

namespace TgeSwarm.Grains.Tests.Tge.Keywords;

/// <summary>Items and candidates as a source grain and the keyword stage would make them.</summary>
internal static class TgeItems
{
    public static readonly DateTimeOffset Seen = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public static TgeItem Item(string source, string id, string title, string? language = "en", DateTimeOffset? seen = null, string summary = "", string? link = null) =>
        new(source, id, title, summary, link ?? $"https://example.com/{source}/{id}", seen ?? Seen, language, [], seen ?? Seen, seen ?? Seen);

    public static TgeCandidate Candidate(
        string slug, TgeItem item, string? symbol, string? name = null, TgeKind kind = TgeKind.Listing, double confidence = 0.9,
        string? venue = null, DateTimeOffset? eventTime = null) =>
        new(slug, item, new TgeClassification(true, kind, symbol, name, venue, eventTime, confidence, ["test"], []), item.SeenAt);
}
