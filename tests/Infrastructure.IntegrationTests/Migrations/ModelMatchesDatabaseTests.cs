using Ecommerce.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Ecommerce.Infrastructure.IntegrationTests.Migrations;

/// <summary>
/// Every column the EF Core model maps exists at migration head with the model's type and
/// nullability, including tables the migrations own as raw SQL (excluded from EF's migrations),
/// whose mapping nothing else would check.
/// </summary>
public sealed class ModelMatchesDatabaseTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string ColumnsSql = """
        SELECT c.relname || '.' || a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull AND a.attnum > 0
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid AND c.relkind = 'r'
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
        WHERE (a.attnum > 0 OR a.attname = 'xmin') AND NOT a.attisdropped
        """;

    [Fact]
    public async Task Every_mapped_column_exists_with_the_model_type_and_nullability()
    {
        await using var context = CatalogContexts.Create(database.ConnectionString);
        await context.Database.MigrateAsync();
        var columns = await ReadColumnsAsync();

        var mismatches = new List<string>();
        foreach (var entity in context.Model.GetEntityTypes())
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                var column = $"{table.Name}.{property.GetColumnName(table)}";
                if (!columns.TryGetValue(column, out var actual))
                {
                    mismatches.Add($"{column} is mapped but missing");
                }
                else if (!SameType(property.GetColumnType(table), actual.Type) || property.IsColumnNullable(table) != actual.Nullable)
                {
                    mismatches.Add($"{column}: model {property.GetColumnType(table)} nullable={property.IsColumnNullable(table)}, database {actual.Type} nullable={actual.Nullable}");
                }
            }
        }

        Assert.Empty(mismatches);
        var designModel = context.GetService<IDesignTimeModel>().Model;
        Assert.Contains(designModel.GetEntityTypes(), entity => entity.IsTableExcludedFromMigrations());
    }

    private static bool SameType(string model, string database) =>
        string.Equals(Normalize(model), Normalize(database), StringComparison.Ordinal);

    private static string Normalize(string type) => type.ToLowerInvariant() switch
    {
        "timestamptz" => "timestamp with time zone",
        var other => other,
    };

    private async Task<Dictionary<string, (string Type, bool Nullable)>> ReadColumnsAsync()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(ColumnsSql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var columns = new Dictionary<string, (string, bool)>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            columns[reader.GetString(0)] = (reader.GetString(1), reader.GetBoolean(2));
        }

        return columns;
    }
}
