using Npgsql;

namespace Ecommerce.TestSupport;

/// <summary>
/// A fresh database made on a <see cref="PostgresReplicaSet"/>'s primary, which its standby has too,
/// dropped when disposed. Its helpers open a connection of their own each time (no pool), so that they
/// work the same before and after an outage.
/// </summary>
public sealed class ReplicatedDatabase : IAsyncDisposable
{
    private readonly PostgresReplicaSet _replicaSet;

    internal ReplicatedDatabase(PostgresReplicaSet replicaSet, string name)
    {
        _replicaSet = replicaSet;
        Name = name;
    }

    public string Name { get; }

    /// <summary>The primary, pooled: what <c>ConnectionStrings:Catalog</c> would hold.</summary>
    public string ConnectionString => _replicaSet.PrimaryConnectionString(Name);

    /// <summary>The standby alone, pooled.</summary>
    public string StandbyConnectionString => _replicaSet.StandbyConnectionString(Name);

    /// <summary>The standby, then the primary, as a multi-host string, pooled: what <c>ConnectionStrings:CatalogReplicas</c> would hold.</summary>
    public string ReplicasConnectionString => _replicaSet.ReplicasConnectionString(Name);

    public Task ExecuteAsync(string sql, CancellationToken cancellationToken = default) =>
        PostgresReplicaSet.ExecuteAsync(Unpooled(ConnectionString), sql, cancellationToken);

    public Task<T> ScalarAsync<T>(string sql, CancellationToken cancellationToken = default) =>
        PostgresReplicaSet.ScalarAsync<T>(Unpooled(ConnectionString), sql, cancellationToken);

    /// <summary>Reads on the standby, which sees what it has replayed so far.</summary>
    public Task<T> StandbyScalarAsync<T>(string sql, CancellationToken cancellationToken = default) =>
        PostgresReplicaSet.ScalarAsync<T>(Unpooled(StandbyConnectionString), sql, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var connectionString in new[] { ConnectionString, StandbyConnectionString, ReplicasConnectionString })
        {
            await using var pooled = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(pooled);
        }

        try
        {
            // The standby replays the drop too, ending its own sessions on the database.
            await PostgresReplicaSet.ExecuteAsync(_replicaSet.PrimaryAdminConnectionString,
                $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // The primary is down after a failed outage test; the replica set's disposal removes it all.
        }
    }

    private static string Unpooled(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
}
