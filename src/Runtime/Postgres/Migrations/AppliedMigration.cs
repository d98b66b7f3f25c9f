namespace TgeSwarm.Runtime.Postgres.Migrations;

/// <summary>A row of <c>schema_migrations</c>: a script as it was when applied.</summary>
internal sealed record AppliedMigration(int Version, string Name, string Checksum);
