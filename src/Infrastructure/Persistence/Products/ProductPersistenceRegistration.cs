using Ecommerce.Application.Abstractions;
using Ecommerce.Application.Caching;
using Ecommerce.Infrastructure.Persistence.Connections;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Infrastructure.Persistence.Products;

internal static class ProductPersistenceRegistration
{
    public static IServiceCollection AddProductPersistence(this IServiceCollection services) =>
        services
            .AddScoped<IProductRepository, ProductRepository>()
            .AddScoped<IProductWriter, ProductWriter>()
            .AddSingleton(provider =>
            {
                using var context = provider.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContext();
                return ProductWriteSql.From(context.Model);
            })
            .AddSingleton(provider => new BroadFilters(provider.GetRequiredService<ICatalogChangeFeed>()))
            .AddSingleton<IProductReader>(provider =>
            {
                var reads = provider.GetRequiredService<CatalogReads>();
                return new ProductReader(reads.Contexts, reads.DataSource, reads.Model, provider.GetRequiredService<BroadFilters>());
            });
}
