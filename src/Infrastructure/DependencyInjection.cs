using Ecommerce.Application.Abstractions;
using Ecommerce.Infrastructure.Persistence;
using Ecommerce.Infrastructure.Persistence.Bulk;
using Ecommerce.Infrastructure.Persistence.Caching;
using Ecommerce.Infrastructure.Persistence.Categories;
using Ecommerce.Infrastructure.Persistence.Changes;
using Ecommerce.Infrastructure.Persistence.Connections;
using Ecommerce.Infrastructure.Persistence.Health;
using Ecommerce.Infrastructure.Persistence.Idempotency;
using Ecommerce.Infrastructure.Persistence.Products;
using Ecommerce.Infrastructure.Persistence.Replication;
using Ecommerce.Infrastructure.Persistence.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(CatalogDatabase.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"The connection string '{CatalogDatabase.ConnectionStringName}' is not configured: set ConnectionStrings__{CatalogDatabase.ConnectionStringName}.");
        }

        var options = CatalogDatabaseOptions.From(configuration);
        services.AddSingleton(_ => CatalogDataSources.Create(connectionString, options));
        // Commands use the request's scoped context over the primary (EF Core registers it beside the factory).
        services.AddPooledDbContextFactory<CatalogDbContext>(
            (provider, builder) => CatalogDatabase.Configure(builder, provider.GetRequiredService<CatalogDataSources>().Primary));
        services.AddScoped<IUnitOfWork, EfUnitOfWork>();
        services.AddCategoryPersistence();
        services.AddProductPersistence();
        services.AddIdempotencyPersistence();
        services.AddCatalogVersions();
        services.AddCatalogChangeFeed(configuration);
        services.AddBulkPersistence();
        // After the readers: it makes them follow each request's read route (primary or standby).
        services.AddReadRouting(configuration, connectionString);
        services.AddSingleton<CatalogDatabaseHealthCheck>();
        services.AddScoped<DemoCatalogSeeder>();
        return services;
    }
}
