using System.Xml;
using System.Xml.Linq;

namespace TgeSwarm.Feeds.Sources.Formats;

/// <summary>
/// RSS 2.0 and Atom, streamed: the reader walks to each <c>item</c>/<c>entry</c> and loads only that element, so a
/// document broken after some items still yields them (counted <see cref="SourceProblem.MalformedXml"/>). DTDs are
/// prohibited and no resolver is set: no entity expansion, no external fetches (XXE).
/// </summary>
internal static class XmlFeedParser
{
    private static readonly XNamespace s_atom = "http://www.w3.org/2005/Atom";

    public static SourceParseResult Parse(string text, ParseContext context)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            MaxCharactersFromEntities = 1024,
        };
        using var reader = XmlReader.Create(new StringReader(text), settings);
        try
        {
            reader.MoveToContent();
            var rss = reader.LocalName == "rss" && reader.NamespaceURI.Length == 0;
            var atom = reader.LocalName == "feed" && reader.NamespaceURI == s_atom.NamespaceName;
            if (!rss && !atom)
            {
                return context.Fail(SourceProblem.UnexpectedRoot);
            }

            var language = atom ? reader.XmlLang : null;
            ReadItems(reader, rss, language, context);
            return context.Result(null);
        }
        catch (XmlException) when (text.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase) && context.ItemCount == 0)
        {
            return context.Fail(SourceProblem.DtdProhibited);
        }
        catch (XmlException)
        {
            // The items read before the fault are whole elements and safe to keep; a body with none is a failure.
            return context.ItemCount == 0 ? context.Fail(SourceProblem.MalformedXml) : CountAndKeep(context);
        }
    }

    private static SourceParseResult CountAndKeep(ParseContext context)
    {
        context.Count(SourceProblem.MalformedXml);
        return context.Result(null);
    }

    private static void ReadItems(XmlReader reader, bool rss, string? language, ParseContext context)
    {
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            if (rss && reader.LocalName == "language" && reader.NamespaceURI.Length == 0 && reader.Depth == 2)
            {
                language = reader.ReadElementContentAsString().Trim();
                continue;
            }

            var isItem = rss ? reader.LocalName == "item" && reader.NamespaceURI.Length == 0 : reader.LocalName == "entry" && reader.NamespaceURI == s_atom.NamespaceName;
            if (!isItem)
            {
                reader.Read();
                continue;
            }

            if (!context.WantsMore)
            {
                context.Count(SourceProblem.TooManyItems);
                return;
            }

            var itemLanguage = rss ? language : (string.IsNullOrEmpty(reader.XmlLang) ? language : reader.XmlLang);
            // ReadFrom leaves the reader on the node after the element, so the loop must not Read() again here.
            var element = (XElement)XNode.ReadFrom(reader);
            context.Add(rss ? RssItems.Read(element) : AtomEntries.Read(element), rss ? SourceKind.Rss : SourceKind.Atom, string.IsNullOrEmpty(itemLanguage) ? null : itemLanguage);
        }
    }
}
