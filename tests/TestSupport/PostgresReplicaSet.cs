using Npgsql;
using NpgsqlTypes;
using Xunit;

namespace Ecommerce.TestSupport;

/// <summary>
/// A throwaway primary and one streaming standby made from it with <c>pg_basebackup -R</c>, each in its
/// own temp folder on its own loopback port, for tests of reads served by a standby, of read-your-writes and
/// of outages. Use it as a class fixture (<c>IClassFixture&lt;PostgresReplicaSet&gt;</c>) and give each test
/// its own <see cref="CreateDatabaseAsync"/>; it always starts clusters of its own, whatever
/// <see cref="PostgresServer.ConnectionStringVariable"/> says, because a standby needs its primary's files.
/// </summary>
public sealed class PostgresReplicaSet : IAsyncLifetime
{
    public const string SlotName = "standby";

    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);

    // A commit is flushed at once, so the standby gets it at once rather than after the WAL writer's next
    // round (synchronous_commit=off is the throwaway default); without fsync the flush costs nothing.
    private const string PrimarySettings = "-c synchronous_commit=on";

    // The standby reconnects to a restarted primary after 100 ms rather than the default 5 s.
    private const string StandbySettings = "-c hot_standby=on -c hot_standby_feedback=on -c wal_retrieve_retry_interval=100ms";

    private PostgresCluster? _primary;
    private PostgresCluster? _standby;

    public int PrimaryPort => Primary.Port;

    public int StandbyPort => Standby.Port;

    /// <summary>The primary's <c>postgres</c> database as the superuser, without pooling.</summary>
    public string PrimaryAdminConnectionString => Primary.AdminConnectionString;

    /// <summary>The standby's <c>postgres</c> database as the superuser, without pooling.</summary>
    public string StandbyAdminConnectionString => Standby.AdminConnectionString;

    private PostgresCluster Primary =>
        _primary ?? throw new InvalidOperationException("The replica set starts in InitializeAsync.");

    private PostgresCluster Standby =>
        _standby ?? throw new InvalidOperationException("The replica set starts in InitializeAsync.");

    /// <summary>The primary, for writes and for reads that must see them: what <c>ConnectionStrings:Catalog</c> holds.</summary>
    public string PrimaryConnectionString(string database) =>
        $"Host=127.0.0.1;Port={PrimaryPort};Database={database};Username=postgres";

    /// <summary>The standby alone, as a single host.</summary>
    public string StandbyConnectionString(string database) =>
        $"Host=127.0.0.1;Port={StandbyPort};Database={database};Username=postgres";

    /// <summary>
    /// The standby, then the primary as a last resort, as a multi-host connection string in the shape of
    /// <c>ConnectionStrings:CatalogReplicas</c>: a connection opens on the standby while it is up, else on the
    /// primary. Npgsql takes <c>Target Session Attributes</c> only with two hosts or more, so one standby cannot be
    /// listed alone with <c>prefer-standby</c>; <see cref="StandbyConnectionString"/> is the standby alone.
    /// </summary>
    public string ReplicasConnectionString(string database) =>
        $"Host=127.0.0.1:{StandbyPort},127.0.0.1:{PrimaryPort};Database={database};Username=postgres;" +
        "Target Session Attributes=prefer-standby;Load Balance Hosts=true";

    public async Task InitializeAsync()
    {
        try
        {
            await Task.Run(() =>
            {
                _primary = PostgresCluster.Start(PrimarySettings);
                _standby = PostgresCluster.StartStandby(_primary, SlotName, StandbySettings);
            });
            await WaitForReplayAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public Task DisposeAsync()
    {
        _standby?.Dispose();
        _primary?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Creates an empty database on the primary and returns once the standby has it too.</summary>
    public async Task<ReplicatedDatabase> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var database = new ReplicatedDatabase(this, "test_" + Guid.NewGuid().ToString("N"));
        await ExecuteAsync(PrimaryAdminConnectionString, $"CREATE DATABASE \"{database.Name}\"", cancellationToken);
        await WaitForReplayAsync(cancellationToken: cancellationToken);
        return database;
    }

    public void StopPrimary(PostgresStopMode mode = PostgresStopMode.Fast) => Primary.Stop(mode);

    public void StartPrimary() => Primary.StartServer();

    public void StopStandby(PostgresStopMode mode = PostgresStopMode.Fast) => Standby.Stop(mode);

    /// <summary>Starts the standby again; it answers read-only queries on return and catches up in the background.</summary>
    public void StartStandby() => Standby.StartServer();

    /// <summary>
    /// Waits until the standby has replayed everything the primary has written so far, so that a read on the
    /// standby sees every committed write. Fails at once while replay is paused, and after <paramref name="timeout"/>.
    /// </summary>
    public async Task WaitForReplayAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        if (await ReplayPauseStateAsync(cancellationToken) != "not paused")
        {
            throw new InvalidOperationException("Replay is paused on the standby: ResumeReplayAsync first.");
        }

        await WaitForStandbyAsync("pg_last_wal_replay_lsn()", timeout, cancellationToken);
    }

    /// <summary>
    /// Waits until the standby has received (written to its disk) everything the primary has written so far,
    /// replayed or not: with replay paused, that WAL is on the standby and yet invisible to its readers.
    /// </summary>
    public Task WaitForWalReceivedAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        WaitForStandbyAsync("pg_last_wal_receive_lsn()", timeout, cancellationToken);

    /// <summary>
    /// Stops applying WAL on the standby (<c>pg_wal_replay_pause()</c>): it keeps receiving WAL and serving reads,
    /// which fall behind the primary until <see cref="ResumeReplayAsync"/>. Returns once replay has stopped.
    /// </summary>
    public async Task PauseReplayAsync(CancellationToken cancellationToken = default)
    {
        await ExecuteAsync(StandbyAdminConnectionString, "SELECT pg_wal_replay_pause()", cancellationToken);
        await PollAsync(async () => await ReplayPauseStateAsync(cancellationToken) == "paused", DefaultWait,
            "replay to pause on the standby", cancellationToken);
    }

    public Task ResumeReplayAsync(CancellationToken cancellationToken = default) =>
        ExecuteAsync(StandbyAdminConnectionString, "SELECT pg_wal_replay_resume()", cancellationToken);

    /// <summary>
    /// Makes the standby apply each commit only <paramref name="delay"/> after the primary made it
    /// (<c>recovery_min_apply_delay</c>), so that a read right after a write finds it missing there;
    /// <see cref="TimeSpan.Zero"/> turns it off. Returns once the standby runs with the new setting.
    /// </summary>
    public async Task SetStandbyApplyDelayAsync(TimeSpan delay, CancellationToken cancellationToken = default)
    {
        var milliseconds = ((long)delay.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await ExecuteAsync(StandbyAdminConnectionString, $"ALTER SYSTEM SET recovery_min_apply_delay = '{milliseconds}ms'", cancellationToken);
        await ExecuteAsync(StandbyAdminConnectionString, "SELECT pg_reload_conf()", cancellationToken);
        await PollAsync(async () => await ScalarAsync<string>(StandbyAdminConnectionString,
                "SELECT setting FROM pg_settings WHERE name = 'recovery_min_apply_delay'", cancellationToken) == milliseconds,
            DefaultWait, "the standby to take the new recovery_min_apply_delay", cancellationToken);
    }

    internal static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal static async Task<T> ScalarAsync<T>(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private Task<string> ReplayPauseStateAsync(CancellationToken cancellationToken) =>
        ScalarAsync<string>(StandbyAdminConnectionString, "SELECT pg_get_wal_replay_pause_state()", cancellationToken);

    private async Task WaitForStandbyAsync(string standbyPosition, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var target = await ScalarAsync<NpgsqlLogSequenceNumber>(
            PrimaryAdminConnectionString, "SELECT pg_current_wal_lsn()", cancellationToken);
        await PollAsync(async () =>
            {
                var reached = await ScalarAsync<object>(StandbyAdminConnectionString, $"SELECT {standbyPosition}", cancellationToken);
                return reached is NpgsqlLogSequenceNumber position && position >= target;
            },
            timeout ?? DefaultWait, $"the standby's {standbyPosition} to reach the primary's {target}", cancellationToken);
    }

    private static async Task PollAsync(Func<Task<bool>> done, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken);
        }
    }
}
