using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Tge.Sources;

/// <summary>
/// Where an HTML list page keeps its items: <paramref name="Item"/> selects each item, the others are CSS selectors
/// evaluated inside it. The link is the <c>href</c> of <paramref name="Link"/>'s element, else of the title's.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record TgeHtmlSelectors(
    [property: Id(0)] string Item,
    [property: Id(1)] string Title,
    [property: Id(2)] string? Link = null,
    [property: Id(3)] string? Date = null,
    [property: Id(4)] string? Summary = null);
