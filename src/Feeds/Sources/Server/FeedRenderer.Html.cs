using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace TgeSwarm.Feeds.Sources.Server;

internal static partial class FeedRenderer
{
    /// <summary>The page <see cref="LocalSourceServer.HtmlSelectors"/> reads. Titles are written as markup on purpose: it is how a page with an injected title really looks.</summary>
    private static byte[] Html(string id, IReadOnlyList<LocalSourceItem> items)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(HtmlEncoder.Default.Encode(id)).Append("</title></head><body>\n<ul class=\"announcements\">\n");
        foreach (var item in items)
        {
            html.Append("<li class=\"announcement\" data-id=\"").Append(HtmlEncoder.Default.Encode(item.Id)).Append("\">")
                .Append("<a class=\"title\" href=\"").Append(HtmlEncoder.Default.Encode(item.Link)).Append("\">").Append(item.Title).Append("</a>")
                .Append("<time datetime=\"").Append(item.Published.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)).Append("\"></time>");
            if (item.Summary is not null)
            {
                html.Append("<p class=\"summary\">").Append(item.Summary).Append("</p>");
            }

            html.Append("</li>\n");
        }

        html.Append("</ul>\n</body></html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }
}
