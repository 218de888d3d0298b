using System.Net.Sockets;
using Ecommerce.Application.Caching;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Ecommerce.Infrastructure.Persistence.Changes;

/// <summary>
/// Listens on <see cref="Channel"/>, where the statement triggers of migration
/// <c>AddCatalogChangeNotifications</c> announce every write to <c>products</c> and <c>categories</c>.
/// PostgreSQL delivers a notification after the writer's commit, so a position taken before a read
/// moves on after any change that read could have missed. Positions exist only while the listening
/// connection is known to be healthy: a lost connection may have lost notifications, so positions
/// are withheld until it listens again, and then moved on.
/// </summary>
internal sealed partial class CatalogChangeListener(string connectionString, ChangeFeedOptions options, ILogger<CatalogChangeListener> logger)
    : BackgroundService, ICatalogChangeFeed
{
    public const string Channel = "catalog_changes";

    private long _categories;
    private long _products;
    private volatile bool _listening;

    public long? Position(CatalogTables tables)
    {
        if (!_listening)
        {
            return null;
        }

        return tables switch
        {
            CatalogTables.Categories => Volatile.Read(ref _categories),
            CatalogTables.Products => Volatile.Read(ref _products),
            // Both only ever grow, so an equal sum means neither moved.
            _ => Volatile.Read(ref _categories) + Volatile.Read(ref _products),
        };
    }

    public void Advance()
    {
        Interlocked.Increment(ref _categories);
        Interlocked.Increment(ref _products);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            return;
        }

        var settings = Connections.CatalogDataSources.WithDefaults(connectionString, "catalog-change-feed");
        // A connection of its own, outside the pools: LISTEN is session state that lives as long as it.
        settings.Pooling = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(settings.ConnectionString, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or SocketException or IOException
                or InvalidOperationException or OperationCanceledException)
            {
                Withhold();
                LogNotListening(logger, exception.GetType().Name, exception.Message);
            }

            try
            {
                await Task.Delay(options.RetryDelay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        Withhold();
    }

    private async Task ListenAsync(string settings, CancellationToken stoppingToken)
    {
        await using var connection = new NpgsqlConnection(settings);
        await connection.OpenAsync(stoppingToken);
        connection.Notification += (_, notification) => Announced(notification.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        // Whatever changed while nobody listened is covered by moving every position on.
        Advance();
        _listening = true;
        LogListening(logger);
        while (true)
        {
            if (await connection.WaitAsync(options.ProbeInterval, stoppingToken))
            {
                continue;
            }

            // A quiet connection may be a dead one that no error has reported yet (a network partition).
            await using var probe = new NpgsqlCommand("SELECT 1", connection) { CommandTimeout = (int)Math.Ceiling(options.ProbeInterval.TotalSeconds) };
            await probe.ExecuteScalarAsync(stoppingToken);
        }
    }

    private void Announced(string table)
    {
        switch (table)
        {
            case "products":
                Interlocked.Increment(ref _products);
                break;
            case "categories":
                Interlocked.Increment(ref _categories);
                break;
            default:
                Advance();
                break;
        }
    }

    private void Withhold()
    {
        _listening = false;
        Advance();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for catalog changes: tags known to be current are answered from memory.")]
    private static partial void LogListening(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not listening for catalog changes ({Failure}: {Reason}); tags are read from the database until listening again.")]
    private static partial void LogNotListening(ILogger logger, string failure, string reason);
}
