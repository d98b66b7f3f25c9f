using AngleSharp.Dom;

namespace TgeSwarm.Feeds.Sources.Formats;

/// <summary>
/// An HTML list page read with the source's selectors. HTML parsing never fails (the parser repairs any markup as a
/// browser would), so problems are only about configuration (missing or invalid selectors) and items (no title, bad
/// link or date). The title is taken from the element's markup through the sanitiser, so a script planted inside a
/// title is dropped with its text rather than shown.
/// </summary>
internal static class HtmlListParser
{
    public static SourceParseResult Parse(string text, ParseContext context)
    {
        if (context.Settings.Html is not { } selectors || string.IsNullOrWhiteSpace(selectors.Item) || string.IsNullOrWhiteSpace(selectors.Title))
        {
            return context.Fail(SourceProblem.MissingSelectors);
        }

        var document = context.HtmlParser.ParseDocument(text);
        var language = document.DocumentElement.GetAttribute("lang");
        try
        {
            foreach (var element in document.QuerySelectorAll(selectors.Item))
            {
                if (!context.WantsMore)
                {
                    context.Count(SourceProblem.TooManyItems);
                    break;
                }

                context.Add(Read(element, selectors), SourceKind.Html, string.IsNullOrWhiteSpace(language) ? null : language.Trim());
            }
        }
        catch (DomException)
        {
            // AngleSharp reports an unparsable selector as a DOM syntax error when it is first used.
            return context.Fail(SourceProblem.InvalidSelector);
        }

        return context.Result(null);
    }

    private static RawItem Read(IElement item, HtmlSelectors selectors)
    {
        var title = item.QuerySelector(selectors.Title);
        var linkElement = selectors.Link is null ? title : item.QuerySelector(selectors.Link);
        var href = linkElement?.GetAttribute("href") ?? title?.GetAttribute("href");
        var dateElement = selectors.Date is null ? null : item.QuerySelector(selectors.Date);
        var date = dateElement?.GetAttribute("datetime") ?? dateElement?.TextContent;
        var summary = selectors.Summary is null ? null : item.QuerySelector(selectors.Summary)?.InnerHtml;
        return new RawItem(null, title?.InnerHtml, summary, href, date, null, []);
    }
}
