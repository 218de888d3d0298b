using System.Data;
using Ecommerce.Application.Products;
using Ecommerce.Infrastructure.IntegrationTests.Persistence;
using Ecommerce.Infrastructure.Persistence.Products;

namespace Ecommerce.Infrastructure.IntegrationTests.Products;

/// <summary>A list opens one connection for all its statements and gives it back, whatever it finds.</summary>
public sealed class ProductListConnectionTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var context = CatalogContexts.Create(database.ConnectionString);
        await context.Database.MigrateAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string?, string?> Lists => new()
    {
        { null, null },
        { "no-such-category", null },
        { null, "phone" },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task A_list_opens_one_connection_and_closes_it(string? category, string? search)
    {
        var states = new List<ConnectionState>();
        var contexts = new CatalogContextFactory(
            () => CatalogContexts.Create(database.ConnectionString),
            context => context.Database.GetDbConnection().StateChange += (_, change) => states.Add(change.CurrentState));
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);

        var page = await new ProductReader(contexts, dataSource, contexts.CreateDbContext().Model, NoBroadFilters()).ListAsync(
            new ListProductsQuery(new ProductFilter(category, search)), CancellationToken.None);

        Assert.Equal(0, page.TotalCount);
        Assert.Equal([ConnectionState.Open, ConnectionState.Closed], states);
    }
}
