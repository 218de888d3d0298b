using Ecommerce.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ecommerce.Infrastructure.IntegrationTests.Migrations;

public sealed class MigrationRoundTripTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Every_migration_reverts_cleanly_and_head_is_rebuilt_identically()
    {
        await using var context = CatalogContexts.Create(database.ConnectionString);
        var migrator = context.GetService<IMigrator>();
        var migrations = context.Database.GetMigrations().ToList();
        Assert.NotEmpty(migrations);

        await migrator.MigrateAsync();
        var head = await DatabaseSchema.ReadAsync(database.ConnectionString);
        Assert.Equal(migrations, await DatabaseSchema.AppliedMigrationsAsync(database.ConnectionString));

        for (var index = migrations.Count - 1; index >= 0; index--)
        {
            await migrator.MigrateAsync(index == 0 ? Migration.InitialDatabase : migrations[index - 1]);
            Assert.Equal(migrations.Take(index), await DatabaseSchema.AppliedMigrationsAsync(database.ConnectionString));
        }

        Assert.Empty(await DatabaseSchema.ReadAsync(database.ConnectionString));

        foreach (var (migration, index) in migrations.Select((migration, index) => (migration, index)))
        {
            await migrator.MigrateAsync(migration);
            Assert.Equal(migrations.Take(index + 1), await DatabaseSchema.AppliedMigrationsAsync(database.ConnectionString));
        }

        Assert.Equal(head, await DatabaseSchema.ReadAsync(database.ConnectionString));
    }

    [Fact]
    public async Task The_model_matches_the_last_migration()
    {
        await using var context = CatalogContexts.Create(database.ConnectionString);

        Assert.False(context.Database.HasPendingModelChanges(), "The model changed without a migration: run `make migration NAME=...`.");
    }
}
