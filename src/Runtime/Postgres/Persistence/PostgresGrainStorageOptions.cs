using System.Text.Json;

namespace TgeSwarm.Runtime.Configuration;

/// <summary>Settings of one named PostgreSQL grain storage provider; validated when the silo starts.</summary>
public sealed class PostgresGrainStorageOptions
{
    /// <summary>Npgsql connection string. Required; set by <c>AddPostgresGrainStorage</c>.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// The partition of the table this service's grains live in, so several services can share one database.
    /// Default null: the silo's <see cref="ClusterOptions.ServiceId"/>. Keep it stable across deployments:
    /// changing it hides all stored state.
    /// </summary>
    public string? ServiceId { get; set; }

    /// <summary>The encoding of states written from now on. Default <see cref="GrainStateFormat.Json"/>; rows in the other format still read.</summary>
    public GrainStateFormat StateFormat { get; set; } = GrainStateFormat.Json;

    /// <summary>Options for the <see cref="GrainStateFormat.Json"/> format. Default null: <see cref="JsonSerializerOptions.Default"/>.</summary>
    public JsonSerializerOptions? JsonSerializerOptions { get; set; }
}
