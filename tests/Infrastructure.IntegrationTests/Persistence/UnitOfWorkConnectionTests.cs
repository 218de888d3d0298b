using System.Data;
using Ecommerce.Infrastructure.IntegrationTests.Migrations;
using Ecommerce.Infrastructure.Persistence;
using Ecommerce.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Infrastructure.IntegrationTests.Persistence;

public sealed class UnitOfWorkConnectionTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task A_unit_keeps_one_connection_open_between_statements_and_closes_it_at_the_end()
    {
        await using var context = CatalogContexts.Create(database.ConnectionString);
        var unitOfWork = new EfUnitOfWork(context);
        var connection = context.Database.GetDbConnection();

        int first, second;
        await using (await unitOfWork.BeginAsync(CancellationToken.None))
        {
            first = await BackendAsync(context);
            Assert.Equal(ConnectionState.Open, connection.State);
            second = await BackendAsync(context);
        }

        Assert.Equal(first, second);
        Assert.Equal(ConnectionState.Closed, connection.State);
    }

    [Fact]
    public async Task Outside_a_unit_each_statement_returns_its_connection()
    {
        await using var context = CatalogContexts.Create(database.ConnectionString);

        await BackendAsync(context);

        Assert.Equal(ConnectionState.Closed, context.Database.GetDbConnection().State);
    }

    private static async Task<int> BackendAsync(CatalogDbContext context) =>
        await context.Database.SqlQuery<int>($"""SELECT pg_backend_pid() AS "Value" """).SingleAsync();
}
