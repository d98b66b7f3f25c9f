namespace TgeSwarm.Runtime.Membership;

/// <summary>A membership entry with the etag a compare-and-swap update must present.</summary>
public sealed record MembershipRow(MembershipEntry Entry, string Etag);
