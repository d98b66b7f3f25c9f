using System.Security.Cryptography;

namespace TgeSwarm.Runtime.Dashboard.Assets;

/// <summary>One file of the page: its bytes, content type and a content hash used as ETag and URL version.</summary>
internal sealed record EmbeddedAsset(string Name, byte[] Content, string ContentType, string Version)
{
    public string ETag => $"\"{Version}\"";

    public static EmbeddedAsset Create(string name, byte[] content)
    {
        var version = Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 8));
        var contentType = Path.GetExtension(name) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            _ => "application/octet-stream",
        };
        return new EmbeddedAsset(name, content, contentType, version);
    }
}
