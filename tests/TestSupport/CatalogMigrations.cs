using System.Reflection;
using Ecommerce.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Ecommerce.TestSupport;

/// <summary>The migrations compiled into the build, and the ones a database's history table lists.</summary>
public static class CatalogMigrations
{
    /// <summary>Every migration class of the Infrastructure assembly, by its id, oldest first.</summary>
    public static IReadOnlyList<string> InAssembly { get; } = [.. typeof(CatalogDbContext).Assembly.GetTypes()
        .Where(type => type.IsSubclassOf(typeof(Migration)) && !type.IsAbstract)
        .Select(type => type.GetCustomAttribute<MigrationAttribute>()?.Id
            ?? throw new InvalidOperationException($"{type.Name} has no [Migration] id, so no migrator would run it."))
        .Order(StringComparer.Ordinal)];

    /// <summary>The ids in the history table, oldest first; none when the table does not exist.</summary>
    public static async Task<IReadOnlyList<string>> AppliedAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('public.\"__EFMigrationsHistory\"') IS NOT NULL", connection))
        {
            if (!(bool)(await exists.ExecuteScalarAsync())!)
            {
                return [];
            }
        }

        await using var command = new NpgsqlCommand(
            "SELECT coalesce(array_agg(migration_id::text ORDER BY migration_id COLLATE \"C\"), '{}') FROM \"__EFMigrationsHistory\"", connection);
        return (string[])(await command.ExecuteScalarAsync())!;
    }
}
