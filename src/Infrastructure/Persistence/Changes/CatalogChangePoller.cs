using System.Diagnostics;
using Ecommerce.Application.Caching;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Ecommerce.Infrastructure.Persistence.Changes;

/// <summary>
/// Follows the catalog's changes by reading, every <see cref="ChangeFeedOptions.PollInterval"/>, the
/// per-table versions that the statement triggers of migration <c>AddCatalogVersions</c> bump in each
/// writer's transaction. A table's position moves whenever a poll finds its version changed, or this
/// instance commits a write. A change committed after a read is therefore seen by the first poll that
/// starts after it; positions are withheld when no poll has succeeded for
/// <see cref="ChangeFeedOptions.MaxAge"/>, so a tag is never vouched for longer than that after a change.
/// </summary>
internal sealed partial class CatalogChangePoller(NpgsqlDataSource primary, ChangeFeedOptions options, ILogger<CatalogChangePoller> logger)
    : BackgroundService, ICatalogChangeFeed
{
    private const string Versions = """
        SELECT coalesce(sum(version) FILTER (WHERE table_name = 'categories'), 0)::bigint,
               coalesce(sum(version) FILTER (WHERE table_name = 'products'), 0)::bigint
        FROM catalog_versions
        """;

    private long _categories;
    private long _products;
    private long _lastPollStarted = long.MinValue;
    private (long Categories, long Products)? _seen;
    private bool _failing;

    public long? Position(CatalogTables tables)
    {
        var started = Volatile.Read(ref _lastPollStarted);
        if (started == long.MinValue || Stopwatch.GetElapsedTime(started) > options.MaxAge)
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

        using var timer = new PeriodicTimer(options.PollInterval);
        do
        {
            await PollAsync(stoppingToken);
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            budget.CancelAfter(options.MaxAge);
            await using var command = primary.CreateCommand(Versions);
            await using var reader = await command.ExecuteReaderAsync(budget.Token);
            await reader.ReadAsync(budget.Token);
            Observe((reader.GetInt64(0), reader.GetInt64(1)));
            Volatile.Write(ref _lastPollStarted, started);
            if (_failing)
            {
                _failing = false;
                LogPolling(logger);
            }
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested
            && exception is NpgsqlException or TimeoutException or OperationCanceledException or InvalidOperationException)
        {
            if (!_failing)
            {
                _failing = true;
                LogNotPolling(logger, exception.GetType().Name, exception.Message);
            }
        }
    }

    /// <summary>Any difference moves the position on, a smaller version too (a restored database): positions never go back.</summary>
    private void Observe((long Categories, long Products) versions)
    {
        if (_seen is { } seen)
        {
            if (seen.Categories != versions.Categories)
            {
                Interlocked.Increment(ref _categories);
            }

            if (seen.Products != versions.Products)
            {
                Interlocked.Increment(ref _products);
            }
        }

        _seen = versions;
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reading the catalog's versions again: tags known to be current are answered from memory.")]
    private static partial void LogPolling(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot read the catalog's versions ({Failure}: {Reason}); tags are read from the database until it can.")]
    private static partial void LogNotPolling(ILogger logger, string failure, string reason);
}
