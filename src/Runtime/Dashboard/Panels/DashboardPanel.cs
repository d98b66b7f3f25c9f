namespace TgeSwarm.Runtime.Dashboard.Panels;

/// <summary>
/// A view a host adds to the dashboard. <see cref="Load"/> runs once per sample (default every second) while a
/// dashboard is open, on the silo that serves it, and returns generic data the page renders (a table, series).
/// </summary>
public sealed class DashboardPanel
{
    public DashboardPanel(string id, string title, int order, Func<IServiceProvider, CancellationToken, ValueTask<DashboardPanelData>> load)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(load);
        if (id.Any(static c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
        {
            throw new ArgumentException($"A panel id is lower-case letters, digits and '-' (was '{id}').", nameof(id));
        }

        Id = id;
        Title = title;
        Order = order;
        Load = load;
    }

    /// <summary>Unique among the panels; lower-case letters, digits and '-'.</summary>
    public string Id { get; }

    public string Title { get; }

    /// <summary>Panels are shown after the runtime's views, lowest order first.</summary>
    public int Order { get; }

    public Func<IServiceProvider, CancellationToken, ValueTask<DashboardPanelData>> Load { get; }
}
