namespace TgeSwarm.Runtime;

/// <summary>Overrides the response timeout for one interface method, e.g. <c>[ResponseTimeout("00:02:00")]</c>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ResponseTimeoutAttribute(string timeout) : Attribute
{
    public TimeSpan Timeout { get; } = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture);
}
