using System.Data;
using Ecommerce.Infrastructure.Persistence.Categories;

namespace Ecommerce.Infrastructure.IntegrationTests.Persistence;

public sealed class UnitOfWorkConnectionTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task A_command_keeps_the_connection_its_first_read_opened_for_its_other_reads_and_its_save()
    {
        await using var context = CatalogContexts.Create(database.ConnectionString);
        await context.Database.MigrateAsync();
        var categories = new CategoryRepository(context);
        var connection = context.Database.GetDbConnection();
        Assert.Equal(ConnectionState.Closed, connection.State);

        await categories.IsActiveAsync(1, CancellationToken.None);
        var first = await BackendAsync(context);
        await categories.FindAsync(1, CancellationToken.None);
        Assert.Equal(ConnectionState.Open, connection.State);
        var outcome = await new EfUnitOfWork(context).SaveChangesAsync(CancellationToken.None);

        Assert.True(outcome.IsSaved);
        Assert.Equal(ConnectionState.Open, connection.State);
        Assert.Equal(first, await BackendAsync(context));
    }

    [Fact]
    public async Task The_connection_goes_back_to_the_pool_with_the_context()
    {
        var context = CatalogContexts.Create(database.ConnectionString);
        await new CategoryRepository(context).IsActiveAsync(1, CancellationToken.None);
        var connection = context.Database.GetDbConnection();
        Assert.Equal(ConnectionState.Open, connection.State);

        await context.DisposeAsync();

        Assert.Equal(ConnectionState.Closed, connection.State);
    }

    [Fact]
    public async Task Outside_a_command_each_statement_returns_its_connection()
    {
        await using var context = CatalogContexts.Create(database.ConnectionString);

        await BackendAsync(context);

        Assert.Equal(ConnectionState.Closed, context.Database.GetDbConnection().State);
    }

    private static async Task<int> BackendAsync(CatalogDbContext context) =>
        await context.Database.SqlQuery<int>($"""SELECT pg_backend_pid() AS "Value" """).SingleAsync();
}
