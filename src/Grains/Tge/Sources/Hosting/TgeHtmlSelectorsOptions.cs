namespace TgeSwarm.Grains.Tge.Sources.Hosting;

/// <summary>An Html source's CSS selectors as configured; see <see cref="Interfaces.Tge.Sources.TgeHtmlSelectors"/>.</summary>
internal sealed class TgeHtmlSelectorsOptions
{
    public string Item { get; set; } = "";

    public string Title { get; set; } = "";

    public string? Link { get; set; }

    public string? Date { get; set; }

    public string? Summary { get; set; }
}
