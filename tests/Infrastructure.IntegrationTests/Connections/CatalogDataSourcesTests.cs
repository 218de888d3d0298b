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
    public async Task Read_connections_are_not_reset_on_return_unless_the_connection_string_says_so()
    {
        await using (var defaults = CatalogDataSources.Create(database.ConnectionString, new CatalogDatabaseOptions()))
        {
            Assert.True(new NpgsqlConnectionStringBuilder(defaults.Reads.ConnectionString).NoResetOnClose);
            Assert.False(new NpgsqlConnectionStringBuilder(defaults.Primary.ConnectionString).NoResetOnClose);
        }

        var resetting = database.ConnectionString + ";No Reset On Close=false";
        await using var explicitly = CatalogDataSources.Create(resetting, new CatalogDatabaseOptions());
        Assert.False(new NpgsqlConnectionStringBuilder(explicitly.Reads.ConnectionString).NoResetOnClose);
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
