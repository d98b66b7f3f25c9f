using TgeSwarm.Runtime.Postgres.Migrations;

namespace TgeSwarm.Runtime.Postgres.Tests.Migrations;

public sealed class MigrationScriptTests
{
    [Fact]
    public void Embedded_migrations_are_the_db_folder_scripts_in_version_order()
    {
        var scripts = EmbeddedMigrations.Load();

        Assert.True(scripts.Count >= 2);
        Assert.Equal("0001_schema_migrations.sql", scripts[0].Name);
        Assert.Equal("0002_grain_storage.sql", scripts[1].Name);
        Assert.Equal(scripts.OrderBy(s => s.Version).Select(s => s.Version), scripts.Select(s => s.Version));
        Assert.Contains("CREATE TABLE IF NOT EXISTS grain_storage", scripts[1].Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Checksum_is_the_same_for_crlf_and_lf_checkouts_and_differs_for_other_text()
    {
        var lf = MigrationScript.Create("0007_x.sql", "CREATE TABLE a (id int);\nSELECT 1;\n");
        var crlf = MigrationScript.Create("0007_x.sql", "CREATE TABLE a (id int);\r\nSELECT 1;\r\n");
        var other = MigrationScript.Create("0007_x.sql", "CREATE TABLE b (id int);\nSELECT 1;\n");

        Assert.Equal(7, lf.Version);
        Assert.Equal(lf.Checksum, crlf.Checksum);
        Assert.NotEqual(lf.Checksum, other.Checksum);
    }

    [Theory]
    [InlineData("grain_storage.sql")]
    [InlineData("0000_zero.sql")]
    [InlineData("00x1_bad.sql")]
    [InlineData("0003_not_sql.txt")]
    public void A_badly_named_script_is_rejected(string fileName)
    {
        var error = Assert.Throws<ArgumentException>(() => MigrationScript.Create(fileName, "SELECT 1;"));
        Assert.Contains(fileName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_scripts_with_one_version_are_rejected_naming_both()
    {
        var error = Assert.Throws<InvalidOperationException>(() => EmbeddedMigrations.Order(
        [
            MigrationScript.Create("0003_left.sql", "SELECT 1;"),
            MigrationScript.Create("0003_right.sql", "SELECT 2;"),
        ]));

        Assert.Contains("0003_left.sql", error.Message, StringComparison.Ordinal);
        Assert.Contains("0003_right.sql", error.Message, StringComparison.Ordinal);
    }
}
