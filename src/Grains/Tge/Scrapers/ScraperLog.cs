using Microsoft.Extensions.Logging;
using TgeSwarm.Grains.Tge.Sources;

namespace TgeSwarm.Grains.Tge.Scrapers;

/// <summary>A scraper's log lines: one per start, stop and activation repair.</summary>
internal static partial class ScraperLog
{
    [LoggerMessage(TgeSourceEventIds.ScraperStarted, LogLevel.Information, "Scraper {Owner} owns {Sources} sources; gave up {Released}")]
    public static partial void Started(ILogger logger, string owner, int sources, int released);

    [LoggerMessage(TgeSourceEventIds.ScraperStopped, LogLevel.Information, "Scraper {Owner} stopped; released its sources")]
    public static partial void Stopped(ILogger logger, string owner);

    [LoggerMessage(TgeSourceEventIds.ScraperReclaimed, LogLevel.Information, "Scraper {Owner} re-claimed {Count} lost sources on activation: {Sources}")]
    public static partial void Reclaimed(ILogger logger, string owner, int count, string sources);

    [LoggerMessage(TgeSourceEventIds.ScraperReclaimFailed, LogLevel.Warning, "Scraper {Owner} could not re-claim its lost sources on activation; its status reports them lost until it is restarted")]
    public static partial void ReclaimFailed(ILogger logger, Exception exception, string owner);
}
