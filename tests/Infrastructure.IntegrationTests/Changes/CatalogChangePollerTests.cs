using Ecommerce.Application.Caching;
using Ecommerce.Infrastructure.Persistence.Changes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ecommerce.Infrastructure.IntegrationTests.Changes;

/// <summary>
/// The change feed over a real database: positions exist only while the versions are being read,
/// move with each committed write to their table, never with a rolled-back one, and are withheld
/// when the versions cannot be read.
/// </summary>
public sealed class CatalogChangePollerTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);
    private static readonly ChangeFeedOptions Options = new() { PollInterval = TimeSpan.FromMilliseconds(20) };

    public async Task InitializeAsync()
    {
        await using var context = CatalogContexts.Create(database.ConnectionString);
        await context.Database.MigrateAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_committed_write_moves_its_table_s_position_and_a_rolled_back_one_moves_nothing()
    {
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        using var poller = new CatalogChangePoller(dataSource, Options, NullLogger<CatalogChangePoller>.Instance);
        Assert.Null(poller.Position(CatalogTables.Products));
        await poller.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => poller.Position(CatalogTables.Products) is not null);
        var categoryId = await database.ScalarAsync<int>("INSERT INTO categories (name, slug, created_at, updated_at) VALUES ('Polled', 'polled', now(), now()) RETURNING id");
        await WaitUntilAsync(() => poller.Position(CatalogTables.Categories) != 0);
        var categories = poller.Position(CatalogTables.Categories);
        var products = poller.Position(CatalogTables.Products);

        await database.ExecuteAsync($"""
            BEGIN;
            INSERT INTO products (name, slug, price, stock, category_id, created_at, updated_at) VALUES ('Rolled back', 'rolled-back', 1, 1, {categoryId}, now(), now());
            ROLLBACK;
            """);
        await Task.Delay(Options.PollInterval * 5);
        Assert.Equal(products, poller.Position(CatalogTables.Products));

        await database.ExecuteAsync($"INSERT INTO products (name, slug, price, stock, category_id, created_at, updated_at) VALUES ('Committed', 'committed', 1, 1, {categoryId}, now(), now())");

        await WaitUntilAsync(() => poller.Position(CatalogTables.Products) != products);
        Assert.Equal(products + 1, poller.Position(CatalogTables.Products));
        Assert.Equal(categories, poller.Position(CatalogTables.Categories));
        await poller.StopAsync(CancellationToken.None);
        await Task.Delay(Options.MaxAge * 2);
        Assert.Null(poller.Position(CatalogTables.Products));
    }

    [Fact]
    public async Task Without_a_readable_database_no_position_is_vouched_for()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "no_such_catalog", Timeout = 1 };
        await using var dataSource = NpgsqlDataSource.Create(unreachable.ConnectionString);
        using var poller = new CatalogChangePoller(dataSource, Options, NullLogger<CatalogChangePoller>.Instance);

        await poller.StartAsync(CancellationToken.None);
        await Task.Delay(Options.PollInterval * 10);

        Assert.Null(poller.Position(CatalogTables.Products));
        Assert.Null(poller.Position(CatalogTables.Categories | CatalogTables.Products));
        await poller.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_write_of_this_instance_moves_every_position_at_once()
    {
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        using var poller = new CatalogChangePoller(dataSource, Options, NullLogger<CatalogChangePoller>.Instance);
        await poller.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => poller.Position(CatalogTables.Products) is not null);
        var both = poller.Position(CatalogTables.Categories | CatalogTables.Products);

        poller.Advance();

        Assert.NotEqual(both, poller.Position(CatalogTables.Categories | CatalogTables.Products));
        await poller.StopAsync(CancellationToken.None);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The poller did not get there in time.");
            await Task.Delay(10);
        }
    }
}
