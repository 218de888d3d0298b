using Ecommerce.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ecommerce.WebApi.FunctionalTests.Host;

/// <summary>The service over an empty database that no migration has touched, as before a deployment migrates.</summary>
public sealed class UnmigratedCatalogApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _database.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting($"ConnectionStrings:{CatalogDatabase.ConnectionStringName}", _database.ConnectionString);
    }
}
