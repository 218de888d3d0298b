namespace Ecommerce.Infrastructure.IntegrationTests.Replication;

public sealed class PostgresReplicaSetTests(PostgresReplicaSet replicas) : IClassFixture<PostgresReplicaSet>
{
    [Fact]
    public async Task The_standby_streams_through_its_slot_and_the_replicas_string_opens_on_it()
    {
        await using var database = await replicas.CreateDatabaseAsync();

        Assert.False(await database.ScalarAsync<bool>("SELECT pg_is_in_recovery()"));
        Assert.True(await database.StandbyScalarAsync<bool>("SELECT pg_is_in_recovery()"));
        Assert.Equal("streaming", await database.ScalarAsync<string>(
            $"SELECT r.state FROM pg_stat_replication r JOIN pg_replication_slots s ON s.active_pid = r.pid WHERE s.slot_name = '{PostgresReplicaSet.SlotName}'"));

        Assert.Equal(replicas.StandbyPort, await ServerPortAsync(database.ReplicasConnectionString));
    }

    [Fact]
    public async Task A_row_written_on_the_primary_is_on_the_standby_once_replayed()
    {
        await using var database = await replicas.CreateDatabaseAsync();

        await database.ExecuteAsync("CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL); INSERT INTO notes VALUES (1, 'from the primary')");
        await replicas.WaitForReplayAsync();

        Assert.Equal("from the primary", await database.StandbyScalarAsync<string>("SELECT body FROM notes WHERE id = 1"));
    }

    [Fact]
    public async Task While_replay_is_paused_the_standby_has_the_new_row_but_does_not_show_it()
    {
        await using var database = await replicas.CreateDatabaseAsync();
        await database.ExecuteAsync("CREATE TABLE notes (id int PRIMARY KEY)");
        await replicas.WaitForReplayAsync();

        await replicas.PauseReplayAsync();
        try
        {
            await database.ExecuteAsync("INSERT INTO notes VALUES (1)");
            await replicas.WaitForWalReceivedAsync();

            Assert.Equal(0L, await database.StandbyScalarAsync<long>("SELECT count(*) FROM notes"));
            await Assert.ThrowsAsync<InvalidOperationException>(() => replicas.WaitForReplayAsync());
        }
        finally
        {
            await replicas.ResumeReplayAsync();
        }

        await replicas.WaitForReplayAsync();
        Assert.Equal(1L, await database.StandbyScalarAsync<long>("SELECT count(*) FROM notes"));
    }

    [Theory]
    [InlineData(PostgresStopMode.Fast)]
    [InlineData(PostgresStopMode.Immediate)]
    public async Task A_stopped_standby_refuses_connections_sends_replica_reads_to_the_primary_and_catches_up_when_started(PostgresStopMode mode)
    {
        await using var database = await replicas.CreateDatabaseAsync();
        await database.ExecuteAsync("CREATE TABLE notes (id int PRIMARY KEY)");

        replicas.StopStandby(mode);
        try
        {
            await database.ExecuteAsync("INSERT INTO notes VALUES (1)");
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => database.StandbyScalarAsync<int>("SELECT 1"));
            Assert.Equal(replicas.PrimaryPort, await ServerPortAsync(database.ReplicasConnectionString));
        }
        finally
        {
            replicas.StartStandby();
        }

        await replicas.WaitForReplayAsync();
        Assert.Equal(1L, await database.StandbyScalarAsync<long>("SELECT count(*) FROM notes"));
    }

    [Theory]
    [InlineData(PostgresStopMode.Fast)]
    [InlineData(PostgresStopMode.Immediate)]
    public async Task While_the_primary_is_stopped_the_standby_serves_reads_and_it_follows_again_after(PostgresStopMode mode)
    {
        await using var database = await replicas.CreateDatabaseAsync();
        await database.ExecuteAsync("CREATE TABLE notes (id int PRIMARY KEY); INSERT INTO notes VALUES (1)");
        await replicas.WaitForReplayAsync();

        replicas.StopPrimary(mode);
        try
        {
            Assert.Equal(1L, await database.StandbyScalarAsync<long>("SELECT count(*) FROM notes"));
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => database.ScalarAsync<int>("SELECT 1"));
        }
        finally
        {
            replicas.StartPrimary();
        }

        await database.ExecuteAsync("INSERT INTO notes VALUES (2)");
        await replicas.WaitForReplayAsync();
        Assert.Equal(2L, await database.StandbyScalarAsync<long>("SELECT count(*) FROM notes"));
    }

    private static async Task<int> ServerPortAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT inet_server_port()", connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
