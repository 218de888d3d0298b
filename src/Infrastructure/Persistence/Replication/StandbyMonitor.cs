using System.Diagnostics;
using Ecommerce.Infrastructure.Persistence.Health;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Ecommerce.Infrastructure.Persistence.Replication;

/// <summary>
/// Samples one replica host in the background: its role, how far it has replayed, how far behind the
/// primary that is, and whether it has this build's migrations. Reads that wait for a consistency token
/// make it sample the replay position every few milliseconds until they are released or give up.
/// </summary>
internal sealed partial class StandbyMonitor(
    StandbyHost host, ReplicaOptions options, PrimaryPositions primary, Lazy<MigrationHistory> history, bool primariesServeReads, ILogger logger)
{
    private static readonly TimeSpan FastPoll = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan SchemaRecheck = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly Lock _waitersLock = new();
    private readonly List<(NpgsqlLogSequenceNumber Position, TaskCompletionSource<bool> Reached)> _waiters = [];
    private StandbyState _state = StandbyState.Unknown;
    private long _schemaCheckedAt;

    public StandbyHost Host => host;

    public StandbyState State => Volatile.Read(ref _state);

    private TimeSpan SampleTimeout => TimeSpan.FromTicks(Math.Max(options.SampleInterval.Ticks * 2, TimeSpan.FromSeconds(1).Ticks));

    /// <summary>
    /// True once this host has replayed <paramref name="position"/> while it serves reads, false when it
    /// has not within <paramref name="timeout"/> or stops serving reads.
    /// </summary>
    public async Task<bool> WaitForReplayAsync(NpgsqlLogSequenceNumber position, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (Reached(State, position))
        {
            return true;
        }

        var waiter = (position, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_waitersLock)
        {
            _waiters.Add(waiter);
        }

        Wake();
        try
        {
            using var expiry = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            expiry.CancelAfter(timeout);
            await using var registration = expiry.Token.Register(static reached => ((TaskCompletionSource<bool>)reached!).TrySetResult(false), waiter.Item2);
            return await waiter.Item2.Task;
        }
        finally
        {
            lock (_waitersLock)
            {
                _waiters.Remove(waiter);
            }
        }
    }

    public async Task RunAsync(CancellationToken stopping)
    {
        var lastFullSample = long.MinValue;
        while (!stopping.IsCancellationRequested)
        {
            var wait = FastPoll;
            try
            {
                if (lastFullSample == long.MinValue || Stopwatch.GetElapsedTime(lastFullSample) >= options.SampleInterval)
                {
                    lastFullSample = Stopwatch.GetTimestamp();
                    await SampleAsync(replayOnly: false, stopping);
                }
                else if (HasWaiters)
                {
                    await SampleAsync(replayOnly: true, stopping);
                }

                ReleaseWaiters();
                if (!HasWaiters)
                {
                    wait = options.SampleInterval - Stopwatch.GetElapsedTime(lastFullSample);
                }

                if (wait > TimeSpan.Zero)
                {
                    await _wake.WaitAsync(wait, stopping);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
        }

        ReleaseWaiters(all: true);
    }

    private bool HasWaiters
    {
        get
        {
            lock (_waitersLock)
            {
                return _waiters.Count > 0;
            }
        }
    }

    private static bool Reached(StandbyState state, NpgsqlLogSequenceNumber position) =>
        state.ServesReads && (state.Role == StandbyRole.Primary || state.Replayed >= position);

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
    }

    private void ReleaseWaiters(bool all = false)
    {
        var state = State;
        lock (_waitersLock)
        {
            foreach (var (position, reached) in _waiters)
            {
                if (all || !state.ServesReads)
                {
                    reached.TrySetResult(false);
                }
                else if (Reached(state, position))
                {
                    reached.TrySetResult(true);
                }
            }
        }
    }

    private async Task SampleAsync(bool replayOnly, CancellationToken stopping)
    {
        var previous = State;
        StandbyState next;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(SampleTimeout);
        try
        {
            next = replayOnly && previous.Role == StandbyRole.Standby
                ? await SampleReplayAsync(previous, timeout.Token)
                : await SampleFullyAsync(previous, timeout.Token);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException
            || (exception is OperationCanceledException && !stopping.IsCancellationRequested))
        {
            next = StandbyState.Unknown with { Role = StandbyRole.Down, SchemaReady = previous.SchemaReady };
        }

        Volatile.Write(ref _state, next);
        if (!replayOnly && host.Reads.DataSource is NpgsqlMultiHostDataSource reads)
        {
            // Npgsql skips a host it saw fail for Host Recheck Seconds (10 s), and a query pool with every
            // host skipped fails at once. This monitor knows better, once per sample: every host is tried again.
            reads.ClearDatabaseStates();
        }

        if (next.ServesReads != previous.ServesReads || next.Role != previous.Role)
        {

            if (next.ServesReads)
            {
                LogServing(logger, host.Name, host.Address, next.Describe(options.MaxLag));
            }
            else
            {
                LogDropped(logger, host.Name, host.Address, next.Describe(options.MaxLag));
            }
        }
    }

    private async Task<StandbyState> SampleReplayAsync(StandbyState previous, CancellationToken cancellationToken)
    {
        await using var command = host.Monitor.CreateCommand("SELECT pg_last_wal_replay_lsn()");
        var replayed = await command.ExecuteScalarAsync(cancellationToken) as NpgsqlLogSequenceNumber? ?? default;
        return Judge(previous with { Replayed = replayed });
    }

    private async Task<StandbyState> SampleFullyAsync(StandbyState previous, CancellationToken cancellationToken)
    {
        bool inRecovery;
        NpgsqlLogSequenceNumber replayed;
        await using (var command = host.Monitor.CreateCommand("SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn()"))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            inRecovery = reader.GetBoolean(0);
            replayed = reader.IsDBNull(1) ? default : reader.GetFieldValue<NpgsqlLogSequenceNumber>(1);
        }

        var schemaReady = previous.SchemaReady;
        if (schemaReady != true || Stopwatch.GetElapsedTime(_schemaCheckedAt) > SchemaRecheck)
        {
            schemaReady = await HasThisBuildsMigrationsAsync(cancellationToken) ?? schemaReady;
            _schemaCheckedAt = Stopwatch.GetTimestamp();
        }

        return Judge(new StandbyState(inRecovery ? StandbyRole.Standby : StandbyRole.Primary, replayed, TimeSpan.Zero, schemaReady, false));
    }

    /// <summary>Null when a migrator holds the history table: replay of its lock, on a standby.</summary>
    private async Task<bool?> HasThisBuildsMigrationsAsync(CancellationToken cancellationToken)
    {
        try
        {
            var applied = await history.Value.ReadAppliedAsync(host.Monitor, cancellationToken);
            return history.Value.Known.All(applied.Contains);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            return null;
        }
    }

    private StandbyState Judge(StandbyState state)
    {
        var lag = state.Role == StandbyRole.Standby ? primary.LagOf(state.Replayed, Stopwatch.GetTimestamp()) : TimeSpan.Zero;
        var serves = state.SchemaReady == true && state.Role switch
        {
            StandbyRole.Standby => lag <= options.MaxLag,
            StandbyRole.Primary => primariesServeReads,
            _ => false,
        };
        return state with { Lag = lag, ServesReads = serves };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replica {Replica} ({Address}) is {State}.")]
    private static partial void LogServing(ILogger logger, string replica, string address, string state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replica {Replica} ({Address}) is {State}; its reads go elsewhere.")]
    private static partial void LogDropped(ILogger logger, string replica, string address, string state);
}
