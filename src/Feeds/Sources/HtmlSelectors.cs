namespace TgeSwarm.Feeds.Sources;

/// <summary>
/// Where an HTML list page keeps its items: <see cref="Item"/> selects each item in the document, the others are
/// evaluated inside an item. The link is the <c>href</c> of the element <see cref="Link"/> selects, else of the title
/// element; the date is the element's <c>datetime</c> attribute, else its text.
/// </summary>
public sealed record HtmlSelectors(string Item, string Title, string? Link = null, string? Date = null, string? Summary = null);
