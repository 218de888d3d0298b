using Ecommerce.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Infrastructure.IntegrationTests.Migrations;

/// <summary>The bundle as deployments use it: apply to an empty database, revert to 0, apply again.</summary>
public sealed class MigrationBundleTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task The_bundle_applies_reverts_and_reapplies_the_schema()
    {
        var applied = await MigrationBundle.RunAsync(database.ConnectionString);
        Assert.True(applied.ExitCode == 0, applied.Output);
        Assert.Equal(CatalogMigrations.InAssembly, await CatalogMigrations.AppliedAsync(database.ConnectionString));
        var head = await DatabaseSchema.ReadAsync(database.ConnectionString);
        Assert.Equal(ExpectedSchema.Tables, head.Where(fact => fact.StartsWith("table ", StringComparison.Ordinal)));
        Assert.Equal(ExpectedSchema.Constraints, head.Where(fact => fact.StartsWith("constraint ", StringComparison.Ordinal)));
        Assert.Equal(AllMigrations(), CatalogMigrations.InAssembly);

        var reverted = await MigrationBundle.RunAsync(database.ConnectionString, "0");
        Assert.True(reverted.ExitCode == 0, reverted.Output);
        Assert.Empty(await DatabaseSchema.ReadAsync(database.ConnectionString));
        Assert.Empty(await DatabaseSchema.AppliedMigrationsAsync(database.ConnectionString));

        var reapplied = await MigrationBundle.RunAsync(database.ConnectionString);
        Assert.True(reapplied.ExitCode == 0, reapplied.Output);
        Assert.Equal(CatalogMigrations.InAssembly, await CatalogMigrations.AppliedAsync(database.ConnectionString));
        Assert.Equal(head, await DatabaseSchema.ReadAsync(database.ConnectionString));
    }

    /// <summary>Every migration this build has, oldest first, as the history table must list them at head.</summary>
    internal static IReadOnlyList<string> AllMigrations()
    {
        using var context = CatalogContexts.Create("Host=unused");
        return [.. context.Database.GetMigrations()];
    }

    [Fact]
    public async Task Applying_the_bundle_to_a_database_at_head_changes_nothing()
    {
        Assert.Equal(0, (await MigrationBundle.RunAsync(database.ConnectionString)).ExitCode);
        var head = await DatabaseSchema.ReadAsync(database.ConnectionString);

        var again = await MigrationBundle.RunAsync(database.ConnectionString);

        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Equal(head, await DatabaseSchema.ReadAsync(database.ConnectionString));
    }
}
