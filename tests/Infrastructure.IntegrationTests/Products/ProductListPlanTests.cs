using System.Data.Common;
using System.Text.Json;
using Ecommerce.Application.Products;
using Ecommerce.Infrastructure.IntegrationTests.Migrations;
using Ecommerce.Infrastructure.IntegrationTests.Persistence;
using Ecommerce.Infrastructure.Persistence.Products;
using Ecommerce.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Ecommerce.Infrastructure.IntegrationTests.Products;

/// <summary>
/// The plans PostgreSQL picks for the SQL the product reader really sends, over 100,000 products:
/// filtered lists never scan the whole products table.
/// </summary>
public sealed class ProductListPlanTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private const int Products = 100_000;

    public async Task InitializeAsync()
    {
        await using (var context = CatalogContexts.Create(database.ConnectionString))
        {
            await context.Database.MigrateAsync();
        }

        if (await database.ScalarAsync<long>("SELECT count(*) FROM products") > 0)
        {
            return;
        }

        await database.ExecuteAsync($"""
            INSERT INTO categories (id, name, slug, parent_id, is_active, created_at, updated_at)
            SELECT g, 'Root ' || g, 'root-' || g, NULL, TRUE, now(), now() FROM generate_series(1, 10) AS g;
            INSERT INTO categories (id, name, slug, parent_id, is_active, created_at, updated_at)
            SELECT 10 + g, 'Child ' || g, 'child-' || g, 1 + (g - 1) / 2, TRUE, now(), now() FROM generate_series(1, 20) AS g;
            INSERT INTO categories (id, name, slug, parent_id, is_active, created_at, updated_at)
            SELECT 30 + g, 'Leaf ' || g, 'leaf-' || g, 11 + (g - 1) / 4, TRUE, now(), now() FROM generate_series(1, 80) AS g;
            INSERT INTO products (name, slug, price, stock, category_id, rating, is_active, created_at, updated_at)
            SELECT 'Product ' || i, 'product-' || i, ((i * 7919) % 1000000) / 100.0, i % 50, 31 + (i % 80), 0, TRUE, now(), now()
            FROM generate_series(1, {Products}) AS i;
            ANALYZE categories;
            ANALYZE products;
            """);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, ListProductsQuery> FilteredLists => new()
    {
        { "one leaf, by name", Criteria(category: "leaf-7") },
        { "a root's subtree, page 50", Criteria(category: "root-3", page: 50) },
        { "a rare search term", Criteria(search: "4242") },
        { "a narrow price range, by price", Criteria(minPrice: 100m, maxPrice: 101m, sort: ProductSort.PriceDescending) },
        { "a subtree and a search term", Criteria(category: "root-3", search: "999") },
    };

    [Theory]
    [MemberData(nameof(FilteredLists))]
    public async Task Filtered_lists_do_not_scan_the_whole_products_table(string list, ListProductsQuery criteria)
    {
        var commands = new CommandRecorder();
        var contexts = new CatalogContextFactory(() => CatalogContexts.Create(database.ConnectionString, commands));
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);

        await new ProductReader(contexts, dataSource, contexts.CreateDbContext().Model).ListAsync(criteria, CancellationToken.None);

        var productQueries = commands.Recorded.Where(command => command.Sql.Contains("FROM products", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(productQueries);
        foreach (var (sql, parameters) in productQueries)
        {
            var plan = await ExplainAsync(sql, parameters);
            Assert.False(plan.Contains("\"Seq Scan\"", StringComparison.Ordinal) && plan.Contains("\"products\"", StringComparison.Ordinal),
                $"{list}: a sequential scan of products for\n{sql}\n{plan}");
        }
    }

    private async Task<string> ExplainAsync(string sql, IReadOnlyList<NpgsqlParameter> parameters)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + sql, connection);
        explain.Parameters.AddRange(parameters.ToArray());

        var plan = (string)(await explain.ExecuteScalarAsync())!;
        return JsonDocument.Parse(plan).RootElement.ToString();
    }

    private static ListProductsQuery Criteria(
        string? category = null, string? search = null, decimal? minPrice = null, decimal? maxPrice = null,
        ProductSort sort = ProductSort.Name, int page = 1) =>
        new(new ProductFilter(category, search, minPrice, maxPrice), sort, page);

    private sealed class CommandRecorder : DbCommandInterceptor
    {
        public List<(string Sql, IReadOnlyList<NpgsqlParameter> Parameters)> Recorded { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Recorded.Add((command.CommandText, [.. command.Parameters.Cast<NpgsqlParameter>().Select(parameter => parameter.Clone())]));
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
