using System.Security.Cryptography;
using System.Text;

namespace TgeSwarm.Runtime.Dashboard.Assets;

/// <summary>
/// The page's files, read from the assembly once. Scripts and styles are addressed with a content hash in the
/// query (<c>dashboard.js?v=…</c>), so they can be cached for a long time and a new build is fetched at once; the
/// HTML pages are revalidated by ETag on every load.
/// </summary>
internal sealed class EmbeddedAssets
{
    private const string ResourcePrefix = "TgeSwarm.Dashboard.Assets.";

    private readonly Dictionary<string, EmbeddedAsset> _assets = new(StringComparer.Ordinal);

    public EmbeddedAssets()
    {
        var assembly = typeof(EmbeddedAssets).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(static n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var name = resource[ResourcePrefix.Length..];
            _assets[name] = EmbeddedAsset.Create(name, buffer.ToArray());
        }
    }

    public EmbeddedAsset? Find(string name) => _assets.GetValueOrDefault(name);

    /// <summary>An HTML page with its placeholders filled: <c>{{base}}</c>, <c>{{title}}</c> and <c>{{asset:NAME}}</c> (a versioned asset URL).</summary>
    public EmbeddedAsset Page(string name, string basePath, string title)
    {
        var template = Encoding.UTF8.GetString(_assets[name].Content);
        foreach (var asset in _assets.Values)
        {
            template = template.Replace("{{asset:" + asset.Name + "}}", $"{basePath}/assets/{asset.Name}?v={asset.Version}", StringComparison.Ordinal);
        }

        template = template
            .Replace("{{base}}", basePath, StringComparison.Ordinal)
            .Replace("{{title}}", System.Net.WebUtility.HtmlEncode(title), StringComparison.Ordinal);
        return EmbeddedAsset.Create(name, Encoding.UTF8.GetBytes(template));
    }
}
