namespace Ecommerce.WebApi.FunctionalTests.Reliability;

/// <summary>A <see cref="PostgresDatabase"/> of one test's own, dropped when the test ends.</summary>
internal sealed class FreshDatabase : IAsyncDisposable
{
    private readonly PostgresDatabase _database = new();

    public string ConnectionString => _database.ConnectionString;

    public static async Task<FreshDatabase> CreateAsync()
    {
        var database = new FreshDatabase();
        await database._database.InitializeAsync();
        return database;
    }

    public Task ExecuteAsync(string sql) => _database.ExecuteAsync(sql);

    public Task<T> ScalarAsync<T>(string sql) => _database.ScalarAsync<T>(sql);

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();
}
