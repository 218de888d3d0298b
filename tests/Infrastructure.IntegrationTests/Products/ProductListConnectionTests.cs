using System.Data;
using Ecommerce.Application.Products;
using Ecommerce.Infrastructure.IntegrationTests.Migrations;
using Ecommerce.Infrastructure.Persistence.Products;
using Ecommerce.TestSupport;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ecommerce.Infrastructure.IntegrationTests.Products;

/// <summary>A list holds one connection for its statements and gives it back, whatever it finds.</summary>
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
    public async Task The_connection_is_closed_after_a_list(string? category, string? search)
    {
        await using var context = CatalogContexts.Create(database.ConnectionString);
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);

        var page = await new ProductReader(context, dataSource).ListAsync(
            new ProductListCriteria(category, search, null, null, null, ProductSort.Name, 1, 20), CancellationToken.None);

        Assert.Equal(0, page.TotalCount);
        Assert.Equal(ConnectionState.Closed, context.Database.GetDbConnection().State);
    }
}
