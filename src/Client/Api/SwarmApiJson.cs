using System.Text.Json;
using System.Text.Json.Serialization;

namespace TgeSwarm.Client.Api;

/// <summary>The API's JSON: web defaults (camelCase, case-insensitive reads) and enums as camelCase strings.</summary>
public static class SwarmApiJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
