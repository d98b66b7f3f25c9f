using AngleSharp.Html.Parser;

namespace TgeSwarm.Feeds.Sources.Formats;

/// <summary>One parse's state: where the body came from, its bounds, the items so far and the problems counted.</summary>
internal sealed class ParseContext
{
    private readonly Dictionary<SourceProblem, int> _problems = [];
    private readonly List<SourceItem> _items = [];
    private HtmlParser? _htmlParser;
    private AngleSharp.Dom.IElement? _fragmentContext;

    public ParseContext(string sourceId, Uri baseUrl, SourceParseSettings settings)
    {
        SourceId = sourceId;
        BaseUrl = baseUrl;
        Settings = settings;
    }

    public string SourceId { get; }

    public Uri BaseUrl { get; }

    public SourceParseSettings Settings { get; }

    /// <summary>False once <see cref="SourceParseSettings.MaxItems"/> items were added: parsers stop reading.</summary>
    public bool WantsMore => _items.Count < Settings.MaxItems;

    public int ItemCount => _items.Count;

    /// <summary>One parser per parse: AngleSharp parsers are cheap but not documented as thread-safe.</summary>
    public HtmlParser HtmlParser => _htmlParser ??= new HtmlParser();

    /// <summary>The body element fragments are parsed in, made once per parse.</summary>
    public AngleSharp.Dom.IElement FragmentContext => _fragmentContext ??= HtmlParser.ParseDocument(string.Empty).Body!;

    public void Count(SourceProblem problem) => _problems[problem] = _problems.GetValueOrDefault(problem) + 1;

    /// <summary>Sanitises and adds one item; an item whose title is empty after sanitising is counted and skipped.</summary>
    public void Add(RawItem raw, SourceKind kind, string? language)
    {
        if (!WantsMore)
        {
            Count(SourceProblem.TooManyItems);
            return;
        }

        var title = TextSanitizer.ToPlainText(raw.Title, Settings.MaxTitleChars, this);
        if (title.Length == 0)
        {
            Count(SourceProblem.ItemWithoutTitle);
            return;
        }

        var summary = TextSanitizer.ToPlainText(raw.Summary, Settings.MaxSummaryChars, this);
        var link = LinkResolver.Resolve(raw.Link, BaseUrl, this);
        var published = raw.Published ?? FeedDates.Parse(raw.PublishedText, this);
        var categories = raw.Categories.Count == 0
            ? []
            : raw.Categories.Select(c => TextSanitizer.ToPlainText(c, Settings.MaxTitleChars, this)).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        var id = ItemIds.Choose(raw.Id, link, title, published);
        _items.Add(new SourceItem(SourceId, id, title, summary, link, published, language ?? Settings.Language, kind, categories));
    }

    public SourceParseResult Result(SourceProblem? failure) =>
        new(failure is null ? [.. _items] : [], new Dictionary<SourceProblem, int>(_problems), failure);

    public SourceParseResult Fail(SourceProblem failure)
    {
        Count(failure);
        return Result(failure);
    }
}
