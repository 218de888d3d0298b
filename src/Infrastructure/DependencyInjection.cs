using Ecommerce.Application.Abstractions;
using Ecommerce.Infrastructure.Persistence;
using Ecommerce.Infrastructure.Persistence.Categories;
using Ecommerce.Infrastructure.Persistence.Products;
using Ecommerce.Infrastructure.Persistence.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

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

        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        // One pool serves both: commands use the request's scoped context (EF Core registers it too),
        // and reads rent one from the factory only when they run an EF Core query.
        services.AddPooledDbContextFactory<CatalogDbContext>(
            (provider, options) => CatalogDatabase.Configure(options, provider.GetRequiredService<NpgsqlDataSource>()));
        services.AddScoped<IUnitOfWork, EfUnitOfWork>();
        services.AddCategoryPersistence();
        services.AddProductPersistence();
        services.AddScoped<DemoCatalogSeeder>();
        return services;
    }
}
