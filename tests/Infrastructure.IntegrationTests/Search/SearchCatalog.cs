using Ecommerce.Application.Products;
using Ecommerce.Domain.Catalog;
using Ecommerce.Infrastructure.Persistence.Rows;
using Ecommerce.Infrastructure.Persistence.Search;

namespace Ecommerce.Infrastructure.IntegrationTests.Search;

/// <summary>A migrated database and the search statements as the reader sends them.</summary>
internal static class SearchCatalog
{
    public sealed record Hit(int Id, string Name, int Tier);

    public sealed record Result(IReadOnlyList<Hit> Hits, long Total)
    {
        public IReadOnlyList<string> Names => [.. Hits.Select(hit => hit.Name)];
    }

    /// <summary>The statements as the reader builds them, over the columns of the product DTO.</summary>
    private static readonly ProductSearchSql Statements = ProductSearchSql.For(DtoRows<ProductDto>.Of<Product>(CatalogContexts.Create("Host=unused").Model));

    public static async Task MigrateAsync(PostgresDatabase database)
    {
        await using var context = CatalogContexts.Create(database.ConnectionString);
        await context.Database.MigrateAsync();
    }

    public static async Task<Result> SearchAsync(
        string connectionString, string q, int pageSize = 50, int skip = 0, (int Tier, int Id)? after = null,
        int[]? categoryIds = null, decimal? minPrice = null, decimal? maxPrice = null, bool? inStock = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Statements.ByRelevance, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = q });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)categoryIds ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)minPrice ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Numeric });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)maxPrice ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Numeric });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)inStock ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Boolean });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)after?.Tier ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)after?.Id ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = skip });
        command.Parameters.Add(new NpgsqlParameter { Value = pageSize });

        await using var reader = await command.ExecuteReaderAsync();
        var hits = new List<Hit>();
        long total = -1;
        while (await reader.ReadAsync())
        {
            total = reader.GetInt32(reader.FieldCount - 1);
            if (!reader.IsDBNull(0))
            {
                hits.Add(new Hit(reader.GetInt32(0), reader.GetString(1), reader.GetInt32(reader.FieldCount - 2)));
            }
        }

        return new Result(hits, total);
    }
}
