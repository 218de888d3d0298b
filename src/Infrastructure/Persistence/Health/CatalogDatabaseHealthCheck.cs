using Ecommerce.Infrastructure.Persistence.Connections;
using Ecommerce.Infrastructure.Persistence.Replication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Ecommerce.Infrastructure.Persistence.Health;

/// <summary>
/// Ready when the database answers and has applied every migration this build knows. A database
/// ahead of the build (migrated by the next release) is ready too: the old schema's tables are
/// still there. The check answers within <see cref="HardLimit"/>, whatever the database does.
/// With standbys configured, it reports each one's state (sampled in the background, so it costs the
/// probe nothing); a standby that lags or is down does not make the instance unready, since its reads
/// go to another standby or to the primary. While the primary cannot be reached but a standby with this
/// build's migrations serves reads, the instance is <c>Degraded</c> (still 200): reads go on, writes answer 503.
/// </summary>
public sealed class CatalogDatabaseHealthCheck(
    CatalogDataSources dataSources, IDbContextFactory<CatalogDbContext> contexts, ReadRouting routing) : IHealthCheck
{
    /// <summary>How long the database gets to answer: a readiness probe must be answered within 2 s.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(1.2);

    /// <summary>Past the budget, a server that does not even acknowledge the cancellation is left behind.</summary>
    public static readonly TimeSpan HardLimit = TimeSpan.FromSeconds(1.6);

    private readonly Lazy<MigrationHistory> _history = new(() => MigrationHistory.Of(contexts));

    private Verdict? _lastVerdict;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var history = _history.Value;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(Budget);
        var read = ReadAppliedAsync(history, budget.Token);
        try
        {
            var verdict = Verdict.Of(history.Known, await read.WaitAsync(HardLimit, cancellationToken));
            Volatile.Write(ref _lastVerdict, verdict);
            return WithReplicas(verdict.Result);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            // A migrator holds the history table. What it changes becomes visible only when it commits,
            // so the last answer read still describes the schema this instance runs on.
            return WithReplicas(Volatile.Read(ref _lastVerdict)?.Result
                ?? HealthCheckResult.Unhealthy("A migration is in progress; whether this build's migrations are applied is not known yet."));
        }
        catch (Exception exception) when (exception is NpgsqlException or OperationCanceledException or TimeoutException
            && !cancellationToken.IsCancellationRequested)
        {
            if (!read.IsCompleted)
            {
                _ = read.ContinueWith(static abandoned => abandoned.Exception, TaskContinuationOptions.OnlyOnFaulted);
            }

            var problem = exception switch
            {
                PostgresException refused => $"The catalog database refused the readiness query ({refused.SqlState}).",
                NpgsqlException => "The catalog database cannot be reached.",
                _ => $"The catalog database did not answer within {Budget.TotalSeconds} s.",
            };
            return WithReplicas(routing.AnyStandbyServesReads
                ? HealthCheckResult.Degraded(problem + " A standby serves reads; writes answer 503 until the primary is back.")
                : HealthCheckResult.Unhealthy(problem));
        }
    }

    private HealthCheckResult WithReplicas(HealthCheckResult result)
    {
        if (!routing.HasReplicas)
        {
            return result;
        }

        var data = routing.Standbys.ToDictionary(
            standby => standby.Host.Name, object (standby) => standby.State.Describe(routing.Options.MaxLag), StringComparer.Ordinal);
        return new HealthCheckResult(result.Status, result.Description, result.Exception, data);
    }

    /// <summary>
    /// A pooled connection can be dead (the server restarted since it was last used): Npgsql then
    /// clears the pool, and the read is tried once more, on a new connection, before the database is
    /// called unreachable.
    /// </summary>
    private async Task<IReadOnlySet<string>> ReadAppliedAsync(MigrationHistory history, CancellationToken cancellationToken)
    {
        try
        {
            return await history.ReadAppliedAsync(dataSources.Primary, cancellationToken);
        }
        catch (Exception exception) when (DatabaseFailures.BreaksConnection(exception))
        {
            return await history.ReadAppliedAsync(dataSources.Primary, cancellationToken);
        }
    }

    private sealed record Verdict(HealthCheckResult Result)
    {
        public static Verdict Of(IReadOnlySet<string> known, IReadOnlySet<string> applied)
        {
            var missing = known.Count(id => !applied.Contains(id));
            if (missing > 0)
            {
                return new Verdict(HealthCheckResult.Unhealthy($"{missing} migration(s) of this build are not applied; apply the migration bundle."));
            }

            var newer = applied.Count(id => !known.Contains(id));
            return new Verdict(HealthCheckResult.Healthy(newer > 0 ? $"The database also has {newer} migration(s) of a newer release." : null));
        }
    }
}
