using Ecommerce.Application.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Infrastructure.Persistence.Products;

internal static class ProductPersistenceRegistration
{
    public static IServiceCollection AddProductPersistence(this IServiceCollection services) =>
        services
            .AddScoped<IProductRepository, ProductRepository>()
            .AddSingleton<IProductReader, ProductReader>();
}
