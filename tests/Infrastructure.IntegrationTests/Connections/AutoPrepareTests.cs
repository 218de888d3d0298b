using Ecommerce.Infrastructure.Persistence.Connections;

namespace Ecommerce.Infrastructure.IntegrationTests.Connections;

/// <summary>Both pools prepare what they send more than once, and keep their session settings while they do.</summary>
public sealed class AutoPrepareTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string Statement = "SELECT $1::integer + 1";

    [Theory]
    [InlineData("Host=db;Database=catalog", CatalogDataSources.DefaultMaxAutoPrepare, CatalogDataSources.DefaultAutoPrepareMinUsages)]
    [InlineData("Host=db;Database=catalog;Max Auto Prepare=0", 0, CatalogDataSources.DefaultAutoPrepareMinUsages)]
    [InlineData("Host=db;Database=catalog;Max Auto Prepare=10;Auto Prepare Min Usages=5", 10, 5)]
    public void Auto_prepare_defaults_apply_only_where_the_connection_string_is_silent(string connectionString, int maxAutoPrepare, int minUsages)
    {
        var builder = CatalogDataSources.WithDefaults(connectionString);

        Assert.Equal((maxAutoPrepare, minUsages), (builder.MaxAutoPrepare, builder.AutoPrepareMinUsages));
    }

    [Fact]
    public async Task A_statement_is_prepared_on_its_second_use_on_both_pools_and_stays_prepared_across_rentals()
    {
        await using var dataSources = CatalogDataSources.Create(database.ConnectionString, new CatalogDatabaseOptions());

        foreach (var pool in new[] { dataSources.Reads, dataSources.Primary })
        {
            await using (var connection = await pool.OpenConnectionAsync())
            {
                Assert.False(await RunAsync(connection));
                Assert.True(await RunAsync(connection));
            }

            // Back from the pool (reset or not), the server still holds the statement.
            await using var again = await pool.OpenConnectionAsync();
            Assert.True(await RunAsync(again));
            Assert.Equal(1L, await ScalarAsync<long>(again, $"SELECT count(*) FROM pg_prepared_statements WHERE statement = '{Statement}'"));
        }
    }

    [Fact]
    public async Task Read_sessions_keep_their_statement_timeout_for_prepared_statements()
    {
        await using var dataSources = CatalogDataSources.Create(database.ConnectionString, new CatalogDatabaseOptions { ReadStatementTimeoutSeconds = 1 });
        const string sleep = "SELECT pg_sleep($1)";

        for (var use = 1; use <= 3; use++)
        {
            await using var connection = await dataSources.Reads.OpenConnectionAsync();
            await using var command = new NpgsqlCommand(sleep, connection) { Parameters = { new NpgsqlParameter<double> { TypedValue = use < 3 ? 0 : 3 } } };
            if (use < 3)
            {
                await command.ExecuteNonQueryAsync();
                continue;
            }

            var failure = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.True(command.IsPrepared);
            Assert.Equal(PostgresErrorCodes.QueryCanceled, failure.SqlState);
        }
    }

    /// <summary>Runs the statement; says whether it ran prepared.</summary>
    private static async Task<bool> RunAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(Statement, connection) { Parameters = { new NpgsqlParameter<int> { TypedValue = 41 } } };
        Assert.Equal(42, await command.ExecuteScalarAsync());
        return command.IsPrepared;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
