using System.Globalization;

namespace TgeSwarm.Runtime.Dashboard.Metrics;

internal static class MetricTags
{
    public static string Format(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    public static KeyValuePair<string, string>[] Copy(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new KeyValuePair<string, string>[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            copy[i] = new KeyValuePair<string, string>(tags[i].Key, Format(tags[i].Value));
        }

        return copy;
    }
}
