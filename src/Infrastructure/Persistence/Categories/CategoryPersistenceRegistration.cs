using Ecommerce.Application.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Infrastructure.Persistence.Categories;

internal static class CategoryPersistenceRegistration
{
    public static IServiceCollection AddCategoryPersistence(this IServiceCollection services) =>
        services
            .AddScoped<ICategoryRepository, CategoryRepository>()
            .AddSingleton<ICategoryReader, CategoryReader>();
}
