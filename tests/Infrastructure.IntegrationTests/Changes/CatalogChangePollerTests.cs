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
        await PositionAsync(poller, CatalogTables.Products);
        var categoryId = await database.ScalarAsync<int>("INSERT INTO categories (name, slug, created_at, updated_at) VALUES ('Polled', 'polled', now(), now()) RETURNING id");
        var categories = await PositionAsync(poller, CatalogTables.Categories, until: position => position != 0);
        var products = await PositionAsync(poller, CatalogTables.Products);

        await database.ExecuteAsync($"""
            BEGIN;
            INSERT INTO products (name, slug, price, stock, category_id, created_at, updated_at) VALUES ('Rolled back', 'rolled-back', 1, 1, {categoryId}, now(), now());
            ROLLBACK;
            """);
        await Task.Delay(Options.PollInterval * 5);
        Assert.Equal(products, await PositionAsync(poller, CatalogTables.Products));

        await database.ExecuteAsync($"INSERT INTO products (name, slug, price, stock, category_id, created_at, updated_at) VALUES ('Committed', 'committed', 1, 1, {categoryId}, now(), now())");

        Assert.Equal(products + 1, await PositionAsync(poller, CatalogTables.Products, until: position => position != products));
        Assert.Equal(categories, await PositionAsync(poller, CatalogTables.Categories));
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
        var both = await PositionAsync(poller, CatalogTables.Categories | CatalogTables.Products);

        poller.Advance();

        Assert.Equal(both + 2, await PositionAsync(poller, CatalogTables.Categories | CatalogTables.Products));
        await poller.StopAsync(CancellationToken.None);
    }

    /// <summary>
    /// The first position vouched for that satisfies <paramref name="until"/>. A poll that stalls past
    /// <see cref="ChangeFeedOptions.MaxAge"/> on a loaded machine withholds positions for a moment;
    /// that is the poller doing its job, not the answer a check is waiting for.
    /// </summary>
    private static async Task<long> PositionAsync(CatalogChangePoller poller, CatalogTables tables, Func<long, bool>? until = null)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            if (poller.Position(tables) is { } position && (until is null || until(position)))
            {
                return position;
            }

            Assert.True(DateTime.UtcNow < deadline, "The poller did not get there in time.");
            await Task.Delay(10);
        }
    }
}
