using Ecommerce.Infrastructure.Persistence.Connections;

namespace Ecommerce.Infrastructure.IntegrationTests.Connections;

public sealed class CatalogDataSourcesTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Read_sessions_carry_the_statement_timeout_and_command_sessions_do_not()
    {
        await using var dataSources = CatalogDataSources.Create(database.ConnectionString, new CatalogDatabaseOptions { ReadStatementTimeoutSeconds = 7 });

        Assert.Equal("7s", await ShowAsync(dataSources.Reads, "statement_timeout"));
        Assert.Equal("0", await ShowAsync(dataSources.Primary, "statement_timeout"));
    }

    [Fact]
    public async Task A_read_statement_timeout_of_zero_leaves_reads_unbounded()
    {
        await using var dataSources = CatalogDataSources.Create(database.ConnectionString, new CatalogDatabaseOptions { ReadStatementTimeoutSeconds = 0 });

        Assert.Equal("0", await ShowAsync(dataSources.Reads, "statement_timeout"));
    }

    [Fact]
    public async Task Options_of_the_connection_string_are_kept_beside_the_statement_timeout()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Options = "-c lock_timeout=1234" }.ConnectionString;
        await using var dataSources = CatalogDataSources.Create(connectionString, new CatalogDatabaseOptions());

        Assert.Equal("1234ms", await ShowAsync(dataSources.Reads, "lock_timeout"));
        Assert.Equal("5s", await ShowAsync(dataSources.Reads, "statement_timeout"));
        Assert.Equal("1234ms", await ShowAsync(dataSources.Primary, "lock_timeout"));
    }

    [Fact]
    public async Task Connections_are_not_reset_on_return_unless_the_connection_string_says_so()
    {
        await using (var defaults = CatalogDataSources.Create(database.ConnectionString, new CatalogDatabaseOptions()))
        {
            Assert.True(new NpgsqlConnectionStringBuilder(defaults.Reads.ConnectionString).NoResetOnClose);
            Assert.True(new NpgsqlConnectionStringBuilder(defaults.Primary.ConnectionString).NoResetOnClose);
        }

        var resetting = database.ConnectionString + ";No Reset On Close=false";
        await using var explicitly = CatalogDataSources.Create(resetting, new CatalogDatabaseOptions());
        Assert.False(new NpgsqlConnectionStringBuilder(explicitly.Reads.ConnectionString).NoResetOnClose);
        Assert.False(new NpgsqlConnectionStringBuilder(explicitly.Primary.ConnectionString).NoResetOnClose);
    }

    [Fact]
    public async Task A_command_connection_returned_inside_a_transaction_comes_back_rolled_back_and_without_its_locks()
    {
        await using var dataSources = CatalogDataSources.Create(database.ConnectionString + ";Maximum Pool Size=1", new CatalogDatabaseOptions());
        await using (var first = await dataSources.Primary.OpenConnectionAsync())
        {
            await using var transaction = await first.BeginTransactionAsync();
            await using var work = new NpgsqlCommand(
                "SET LOCAL lock_timeout = '1234ms'; SELECT pg_advisory_xact_lock(424242); CREATE TEMPORARY TABLE left_behind (id int) ON COMMIT DROP", first, transaction);
            await work.ExecuteNonQueryAsync();
        }

        await using var second = await dataSources.Primary.OpenConnectionAsync();
        await using var state = new NpgsqlCommand(
            "SELECT current_setting('lock_timeout'), pg_current_xact_id_if_assigned() IS NULL, "
            + "(SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()), to_regclass('left_behind') IS NULL", second);
        await using var reader = await state.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("0", reader.GetString(0));
        Assert.True(reader.GetBoolean(1));
        Assert.Equal(0L, reader.GetInt64(2));
        Assert.True(reader.GetBoolean(3));
    }

    [Theory]
    [InlineData("Host=db;Database=catalog", CatalogDataSources.DefaultTimeoutSeconds)]
    [InlineData("Host=db;Database=catalog;Timeout=7", 7)]
    [InlineData("Host=db;Database=catalog;timeout=7", 7)]
    [InlineData("Host=db;Database=catalog;Timeout=15", 15)]
    public void The_connect_timeout_default_applies_only_when_the_connection_string_sets_none(string connectionString, int expected) =>
        Assert.Equal(expected, CatalogDataSources.WithDefaults(connectionString).Timeout);

    private static async Task<string> ShowAsync(NpgsqlDataSource dataSource, string setting)
    {
        await using var command = dataSource.CreateCommand($"SHOW {setting}");
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
