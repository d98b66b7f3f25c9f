using System.Text.Json;
using System.Text.Json.Serialization;

namespace TgeSwarm.Grains.Coordination.Queen;

/// <summary>
/// How the queen reads and writes <see cref="Interfaces.Tge.Sources.TgeSourceSettings"/>: camelCase, <c>kind</c> by
/// camelCase name, intervals as <c>hh:mm:ss</c>, unknown fields refused. Shared by the source and scraper drivers so a
/// source's settings read the same in either configuration.
/// </summary>
internal static class SourceSettingsJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
