using Ecommerce.WebApi.FunctionalTests.Reliability;

namespace Ecommerce.WebApi.FunctionalTests.Replication;

/// <summary>
/// A primary and a streaming standby of their own, a catalog database on them (migrated and seeded on
/// the primary, replayed by the standby), and the service over both: <c>ConnectionStrings:Catalog</c> is
/// the primary and <c>ConnectionStrings:CatalogReplicas</c> the standby then the primary. Standbys are
/// sampled every 100 ms and dropped past 1 s of lag, so that the tests see changes within a second.
/// </summary>
public sealed class ReplicatedCatalog : IAsyncLifetime
{
    public static readonly TimeSpan MaxLag = TimeSpan.FromSeconds(1);

    private readonly PostgresReplicaSet _replicaSet = new();
    private ReplicatedDatabase? _database;

    public PostgresReplicaSet ReplicaSet => _replicaSet;

    public ReplicatedDatabase Database => _database ?? throw new InvalidOperationException("The catalog starts in InitializeAsync.");

    public ServiceOverDatabase Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _replicaSet.InitializeAsync();
        _database = await _replicaSet.CreateDatabaseAsync();
        Service = new ServiceOverDatabase(Database.ConnectionString, new Dictionary<string, string>
        {
            ["ConnectionStrings:CatalogReplicas"] = Database.ReplicasConnectionString,
            ["Catalog:Replicas:SampleIntervalMilliseconds"] = "100",
            ["Catalog:Replicas:MaxLagSeconds"] = ((int)MaxLag.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await Service.MigrateAsync();
        await Database.ExecuteAsync(SeedCatalog.Sql);
        await _replicaSet.WaitForReplayAsync();
        await WaitUntilStandbyServesReadsAsync();
    }

    public async Task DisposeAsync()
    {
        if (Service is not null)
        {
            await Service.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        await _replicaSet.DisposeAsync();
    }

    /// <summary>The standby's state in the readiness payload, as the service last sampled it.</summary>
    public async Task<string> StandbyStateAsync()
    {
        var body = await Service.CreateClient().GetStringAsync("/health/ready");
        return JsonDocument.Parse(body).RootElement.GetProperty("checks").GetProperty("database")
            .GetProperty("data").GetProperty("replica-1").GetString()!;
    }

    public Task WaitUntilStandbyServesReadsAsync() =>
        WaitForStandbyStateAsync(state => state.StartsWith("serving reads", StringComparison.Ordinal), "serve reads");

    public async Task WaitForStandbyStateAsync(Func<string, bool> expected, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        string state;
        while (!expected(state = await StandbyStateAsync()))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The standby did not {what}; the service says it is {state}.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The servers' clock (primary and standby share this machine's).</summary>
    public Task<DateTime> ServerTimeAsync() => Database.ScalarAsync<DateTime>("SELECT clock_timestamp()");

    /// <summary>
    /// The service's sessions on one server of one pool (<c>application_name</c>) whose last statement
    /// started after <paramref name="since"/> and matches <paramref name="statement"/> (a LIKE pattern).
    /// </summary>
    public static async Task<long> SessionsAsync(
        string adminConnectionString, string database, string applicationName, DateTime since, string statement = "%")
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND application_name = $2 AND query_start > $3 AND query LIKE $4", connection)
        {
            Parameters = { new() { Value = database }, new() { Value = applicationName }, new() { Value = since }, new() { Value = statement } },
        };
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Creates a product in the seeded category and returns its id and the write's consistency token.</summary>
    public static async Task<(int Id, string Token)> CreateProductAsync(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync("/api/v1/products", new { name, price = 10m, stock = 1, categoryId = 1 });
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        return (id, TokenOf(response));
    }

    public static string TokenOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Catalog-Consistency", out var values) ? values.Single() : throw new Xunit.Sdk.XunitException(
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode} without a consistency token.");

    public static string CommandsPool => "catalog-commands";

    public static string QueriesPool => "catalog-queries";

    public static string Name(string prefix) => $"{prefix} {Guid.NewGuid():N}"[..(prefix.Length + 13)];
}

/// <summary>The replication tests stop servers and change the standby's settings: they run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReplicationCollection : ICollectionFixture<ReplicatedCatalog>
{
    public const string Name = "Replication";
}
