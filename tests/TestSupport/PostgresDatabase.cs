using Npgsql;
using Xunit;

namespace Ecommerce.TestSupport;

/// <summary>
/// A fresh, empty database on the test run's <see cref="PostgresServer"/>, dropped afterwards.
/// Use it as a class fixture (<c>IClassFixture&lt;PostgresDatabase&gt;</c>): one database per test class.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private readonly string _name = "test_" + Guid.NewGuid().ToString("N");
    private readonly PostgresCluster? _ownCluster;
    private string? _connectionString;

    public PostgresDatabase()
    {
    }

    private PostgresDatabase(PostgresCluster ownCluster) => _ownCluster = ownCluster;

    /// <summary>
    /// A database on a cluster of its own, started with these <c>-c name=value</c> server options and
    /// stopped when the database is disposed: for tests that read what the server logs.
    /// </summary>
    public static PostgresDatabase OnOwnCluster(string extraSettings = "") => new(PostgresCluster.Start(extraSettings));

    /// <summary>The cluster of a database made by <see cref="OnOwnCluster"/>; null on the shared server.</summary>
    public PostgresCluster? OwnCluster => _ownCluster;

    private string AdminConnectionString => _ownCluster?.AdminConnectionString ?? PostgresServer.Instance.AdminConnectionString;

    public string Name => _name;

    public string ConnectionString =>
        _connectionString ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

    public async Task InitializeAsync()
    {
        var admin = AdminConnectionString;
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        _connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = _name, Pooling = true }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (_connectionString is null)
        {
            _ownCluster?.Dispose();
            return;
        }

        await using (var pooled = new NpgsqlConnection(_connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        if (_ownCluster is not null)
        {
            _ownCluster.Dispose();
            return;
        }

        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
