namespace TgeSwarm.Runtime.Postgres.Membership;

/// <summary>
/// Times as the table stores them: UTC (Npgsql refuses to write another offset to timestamptz) and whole
/// microseconds (timestamptz's resolution), so what is read back equals what the provider meant to write.
/// </summary>
internal static class MembershipTimes
{
    public static DateTimeOffset ToMicroseconds(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
    }
}
