using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ecommerce.Infrastructure.Persistence.Idempotency;

/// <summary>
/// Deletes expired idempotency keys every <see cref="Interval"/>, in every instance of the service
/// (instances skip the rows another one is deleting). Lookups ignore expired keys on their own, so
/// the sweep only bounds the table's size and no schedule outside the service is needed.
/// </summary>
public sealed class ExpiredIdempotencyKeySweep(
    IDbContextFactory<CatalogDbContext> contexts, TimeProvider clock, ILogger<ExpiredIdempotencyKeySweep> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    private const int BatchSize = 1000;

    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        await using var dbContext = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var total = 0;
        while (true)
        {
            var deleted = await dbContext.Database.ExecuteSqlAsync(
                $"""
                DELETE FROM idempotency_keys WHERE ctid = ANY (ARRAY(
                    SELECT ctid FROM idempotency_keys WHERE expires_at <= {now} LIMIT {BatchSize} FOR UPDATE SKIP LOCKED))
                """,
                cancellationToken);
            total += deleted;
            if (deleted < BatchSize)
            {
                return total;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
                var deleted = await DeleteExpiredAsync(stoppingToken);
                logger.LogDebug("Deleted {Count} expired idempotency keys", deleted);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The next sweep tries again; a database that is down is reported by the health check.
                logger.LogWarning(exception, "Expired idempotency keys could not be deleted");
            }
        }
    }
}
