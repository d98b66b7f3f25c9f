namespace TgeSwarm.Grains.Tge.Sources;

/// <summary>
/// What the performance grain learned about a source, shared in memory namespace <see cref="SourceFindings.Namespace"/>
/// under the source id: the interval floor it settled on, why and when, and the URL it was learned for (a finding
/// about another URL says nothing about this one).
/// </summary>
internal sealed record SourceFinding(TimeSpan Floor, string Reason, DateTimeOffset TunedAt, string Url);
