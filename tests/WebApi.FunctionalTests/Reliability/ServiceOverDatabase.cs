using System.Net.Http.Headers;
using Ecommerce.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.WebApi.FunctionalTests.Reliability;

/// <summary>
/// The real service over a database a fault test prepared itself: behind or ahead of this build,
/// behind a <see cref="TestSupport.PostgresProxy"/>, on a cluster the test stops. Clients carry an
/// admin token; rate limits are out of the way.
/// </summary>
public sealed class ServiceOverDatabase(string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    public TestTokens Tokens { get; } = new();

    public async Task MigrateAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CatalogDbContext>().Database.MigrateAsync();
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Admin());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseDefaultServiceProvider(provider =>
        {
            provider.ValidateScopes = true;
            provider.ValidateOnBuild = true;
        });
        builder.UseSetting($"ConnectionStrings:{CatalogDatabase.ConnectionStringName}", connectionString);
        builder.UseSetting("Catalog:Limits:Reads:PermitLimit", "1000000");
        builder.UseSetting("Catalog:Limits:Writes:PermitLimit", "1000000");
        builder.UseSetting("Catalog:Limits:Admin:Reads:PermitLimit", "1000000");
        builder.UseSetting("Catalog:Limits:Admin:Writes:PermitLimit", "1000000");
        foreach (var (key, value) in Tokens.Settings.Concat(settings ?? new Dictionary<string, string>()))
        {
            builder.UseSetting(key, value);
        }
    }
}
