namespace TgeSwarm.Runtime.Configuration;

/// <summary>How the PostgreSQL grain storage encodes a state.</summary>
public enum GrainStateFormat
{
    /// <summary>System.Text.Json into the <c>jsonb</c> column: readable and queryable in psql; the default.</summary>
    Json,

    /// <summary>The runtime's serializer into the <c>bytea</c> column: smaller and faster; needs a generated codec for the state type.</summary>
    Binary,
}
