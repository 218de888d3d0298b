using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Npgsql;
using NpgsqlTypes;

namespace Ecommerce.Infrastructure.Persistence.Replication;

/// <summary>
/// Runs, for the life of the service, one sampler of the primary's WAL position and one
/// <see cref="StandbyMonitor"/> per replica host. Nothing runs without <c>CatalogReplicas</c>.
/// </summary>
internal sealed class ReplicaMonitoring(ReadRouting routing, NpgsqlDataSource? primaryMonitor) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!routing.HasReplicas || primaryMonitor is null)
        {
            return Task.CompletedTask;
        }

        return Task.WhenAll(routing.Standbys.Select(standby => Task.Run(() => standby.RunAsync(stoppingToken), CancellationToken.None))
            .Append(Task.Run(() => SamplePrimaryAsync(primaryMonitor, stoppingToken), CancellationToken.None)));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (primaryMonitor is not null)
        {
            await primaryMonitor.DisposeAsync();
        }
    }

    /// <summary>A failed sample records nothing: while the primary is away, no standby falls behind it.</summary>
    private async Task SamplePrimaryAsync(NpgsqlDataSource primary, CancellationToken stopping)
    {
        var interval = routing.Options.SampleInterval;
        while (!stopping.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                timeout.CancelAfter(interval * 2);
                await using var command = primary.CreateCommand("SELECT pg_current_wal_lsn()");
                var position = (NpgsqlLogSequenceNumber)(await command.ExecuteScalarAsync(timeout.Token))!;
                routing.Positions.Record(position, started);
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidCastException
                || (exception is OperationCanceledException && !stopping.IsCancellationRequested))
            {
                // Not a primary (failing over), or out of reach.
            }

            var wait = interval - Stopwatch.GetElapsedTime(started);
            try
            {
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, stopping);
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
