using System.Linq.Expressions;
using Ecommerce.Application.Abstractions;
using Ecommerce.Application.Categories;
using Ecommerce.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Infrastructure.Persistence.Categories;

internal sealed class CategoryReader(CatalogDbContext dbContext) : ICategoryReader
{
    private static readonly Expression<Func<Category, CategoryDto>> ToDto = category => new CategoryDto(
        category.Id, category.Name, category.Slug, category.ParentId, category.IsActive, category.CreatedAt, category.UpdatedAt)
    {
        Version = category.Version,
    };

    // Compiled once: single-category reads skip EF's per-call query translation lookup.
    private static readonly Func<CatalogDbContext, int, CancellationToken, Task<CategoryDto?>> ById =
        EF.CompileAsyncQuery((CatalogDbContext context, int id, CancellationToken _) =>
            context.Categories.AsNoTracking().Where(category => category.IsActive && category.Id == id).Select(ToDto).FirstOrDefault());

    private static readonly Func<CatalogDbContext, string, CancellationToken, Task<CategoryDto?>> BySlug =
        EF.CompileAsyncQuery((CatalogDbContext context, string slug, CancellationToken _) =>
            context.Categories.AsNoTracking().Where(category => category.IsActive && category.Slug == slug).Select(ToDto).FirstOrDefault());

    private IQueryable<Category> Active => dbContext.Categories.AsNoTracking().Where(category => category.IsActive);

    public Task<CategoryDto?> FindActiveAsync(int id, CancellationToken cancellationToken) => ById(dbContext, id, cancellationToken);

    public Task<CategoryDto?> FindActiveBySlugAsync(string slug, CancellationToken cancellationToken) => BySlug(dbContext, slug, cancellationToken);

    public async Task<IReadOnlyList<CategoryDto>> ListActiveAsync(CancellationToken cancellationToken) =>
        await Active.OrderBy(category => category.Name).ThenBy(category => category.Id).Select(ToDto).ToListAsync(cancellationToken);
}
