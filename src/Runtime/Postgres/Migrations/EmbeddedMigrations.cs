using System.Reflection;

namespace TgeSwarm.Runtime.Postgres.Migrations;

/// <summary>
/// Reads the scripts of <c>db/migrations</c> that the project embeds as resources named <c>db/migrations/&lt;file&gt;</c>,
/// so a silo carries its schema with it and needs no files next to it.
/// </summary>
internal static class EmbeddedMigrations
{
    private const string Prefix = "db/migrations/";

    public static IReadOnlyList<MigrationScript> Load() => Load(typeof(EmbeddedMigrations).Assembly);

    public static IReadOnlyList<MigrationScript> Load(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            // MSBuild writes RecursiveDir with the host's separator; a Windows build would otherwise find nothing.
            var normalized = resource.Replace('\\', '/');
            if (!normalized.StartsWith(Prefix, StringComparison.Ordinal) || !normalized.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Embedded migration '{resource}' could not be opened.");
            using var reader = new StreamReader(stream);
            scripts.Add(MigrationScript.Create(normalized[Prefix.Length..], reader.ReadToEnd()));
        }

        return Order(scripts);
    }

    /// <summary>Sorts by version and rejects two scripts claiming the same number (a merge of two branches).</summary>
    public static IReadOnlyList<MigrationScript> Order(IEnumerable<MigrationScript> scripts)
    {
        var ordered = scripts.OrderBy(s => s.Version).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Version == ordered[i - 1].Version)
            {
                throw new InvalidOperationException(
                    $"Migrations '{ordered[i - 1].Name}' and '{ordered[i].Name}' share version {ordered[i].Version}; renumber one of them.");
            }
        }

        return ordered;
    }
}
