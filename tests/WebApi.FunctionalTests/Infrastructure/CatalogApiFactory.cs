using System.Net.Http.Headers;
using Ecommerce.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.WebApi.FunctionalTests.Infrastructure;

/// <summary>
/// The real service over a fresh PostgreSQL database at migration head; one per test class
/// (<c>IClassFixture&lt;CatalogApiFactory&gt;</c>). Clients carry an admin token unless made with
/// <see cref="CreateAnonymousClient"/>; rate limits are out of the way unless a test sets its own.
/// </summary>
public class CatalogApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly PostgresDatabase _database;

    public CatalogApiFactory()
        : this(new PostgresDatabase())
    {
    }

    /// <summary>The service over <paramref name="database"/>, which the factory initializes and disposes.</summary>
    protected CatalogApiFactory(PostgresDatabase database) => _database = database;

    public PostgresDatabase Database => _database;

    public TestTokens Tokens { get; } = new();

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await MigrateAsync();
    }

    /// <summary>Brings the fresh database to the schema the tests need: migration head, unless a derived factory says otherwise.</summary>
    protected virtual async Task MigrateAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CatalogDbContext>().Database.MigrateAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _database.DisposeAsync();
    }

    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Admin());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // As in Development: a singleton that captures a scoped service fails the tests, not production.
        builder.UseDefaultServiceProvider(provider =>
        {
            provider.ValidateScopes = true;
            provider.ValidateOnBuild = true;
        });
        builder.UseSetting($"ConnectionStrings:{CatalogDatabase.ConnectionStringName}", _database.ConnectionString);
        builder.UseSetting("Catalog:Limits:Reads:PermitLimit", "1000000");
        builder.UseSetting("Catalog:Limits:Writes:PermitLimit", "1000000");
        builder.UseSetting("Catalog:Limits:Admin:Reads:PermitLimit", "1000000");
        builder.UseSetting("Catalog:Limits:Admin:Writes:PermitLimit", "1000000");
        foreach (var (key, value) in Tokens.Settings)
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Extra configuration of a derived factory, applied last.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();
}
