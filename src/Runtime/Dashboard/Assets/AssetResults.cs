using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace TgeSwarm.Runtime.Dashboard.Assets;

internal static class AssetResults
{
    /// <summary>The asset with its ETag and cache policy, or 304 when the browser already holds this version.</summary>
    public static IResult Serve(HttpContext context, EmbeddedAsset asset, string cacheControl)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = cacheControl;
        headers.ETag = asset.ETag;
        headers.XContentTypeOptions = "nosniff";
        if (asset.ContentType.StartsWith("text/html", StringComparison.Ordinal))
        {
            // Everything the page loads is its own; nothing may frame it.
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
            headers.XFrameOptions = "DENY";
        }

        var ifNoneMatch = context.Request.Headers[HeaderNames.IfNoneMatch].ToString();
        if (ifNoneMatch.Length > 0 && ifNoneMatch.Split(',').Any(tag => string.Equals(tag.Trim(), asset.ETag, StringComparison.Ordinal)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(asset.Content, asset.ContentType);
    }
}
