using Ecommerce.Application.Caching;
using Ecommerce.Infrastructure.Persistence.Changes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ecommerce.Infrastructure.IntegrationTests.Changes;

/// <summary>
/// The change feed over a real database: positions exist only while the listener listens, move with
/// each committed write to their table (announced by the triggers of <c>AddCatalogChangeNotifications</c>),
/// never with a rolled-back one, and are withheld, then moved on, when the listening connection is lost.
/// </summary>
public sealed class CatalogChangeListenerTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    public async Task InitializeAsync()
    {
        await using var context = CatalogContexts.Create(database.ConnectionString);
        await context.Database.MigrateAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_committed_write_moves_its_table_s_position_and_a_rolled_back_one_moves_nothing()
    {
        using var listener = Listener();
        Assert.Null(listener.Position(CatalogTables.Products));
        await listener.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => listener.Position(CatalogTables.Products) is not null);
        var categoryId = await database.ScalarAsync<int>("INSERT INTO categories (name, slug, created_at, updated_at) VALUES ('Listened', 'listened', now(), now()) RETURNING id");
        var categories = await SettledAsync(listener, CatalogTables.Categories);
        var products = listener.Position(CatalogTables.Products);

        await database.ExecuteAsync($"""
            BEGIN;
            INSERT INTO products (name, slug, price, stock, category_id, created_at, updated_at) VALUES ('Rolled back', 'rolled-back', 1, 1, {categoryId}, now(), now());
            ROLLBACK;
            """);
        await database.ExecuteAsync($"INSERT INTO products (name, slug, price, stock, category_id, created_at, updated_at) VALUES ('Committed', 'committed', 1, 1, {categoryId}, now(), now())");

        await WaitUntilAsync(() => listener.Position(CatalogTables.Products) != products);
        Assert.Equal(products + 1, await SettledAsync(listener, CatalogTables.Products));
        Assert.Equal(categories, listener.Position(CatalogTables.Categories));
        await listener.StopAsync(CancellationToken.None);
        Assert.Null(listener.Position(CatalogTables.Products));
    }

    [Fact]
    public async Task A_lost_connection_withholds_the_positions_and_listening_again_moves_them_on()
    {
        using var listener = Listener();
        await listener.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => listener.Position(CatalogTables.Categories) is not null);
        var before = await SettledAsync(listener, CatalogTables.Categories);

        await database.ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'catalog-change-feed' AND datname = current_database()");

        await WaitUntilAsync(() => listener.Position(CatalogTables.Categories) is { } now && now != before);
        Assert.True(listener.Position(CatalogTables.Categories) > before);
        await listener.StopAsync(CancellationToken.None);
    }

    private CatalogChangeListener Listener() =>
        new(database.ConnectionString, new ChangeFeedOptions { RetryDelay = TimeSpan.FromMilliseconds(100) }, NullLogger<CatalogChangeListener>.Instance);

    /// <summary>The position once no announcement has arrived for a while: those of earlier statements come a moment after their commit.</summary>
    private static async Task<long?> SettledAsync(CatalogChangeListener listener, CatalogTables table)
    {
        var position = listener.Position(table);
        for (var quiet = 0; quiet < 3; position = listener.Position(table))
        {
            await Task.Delay(100);
            quiet = listener.Position(table) == position ? quiet + 1 : 0;
        }

        return position;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The listener did not get there in time.");
            await Task.Delay(20);
        }
    }
}
