using Ecommerce.Application.Abstractions;
using Ecommerce.Infrastructure.Persistence.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Infrastructure.Persistence.Categories;

internal static class CategoryPersistenceRegistration
{
    public static IServiceCollection AddCategoryPersistence(this IServiceCollection services) =>
        services
            .AddScoped<ICategoryRepository, CategoryRepository>()
            .AddSingleton<ICategoryReader>(provider =>
            {
                var reads = provider.GetRequiredService<CatalogReads>();
                return new CategoryReader(reads.Contexts, reads.DataSource, reads.Model);
            });
}
