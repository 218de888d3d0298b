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

    private IQueryable<Category> Active => dbContext.Categories.AsNoTracking().Where(category => category.IsActive);

    public Task<CategoryDto?> FindActiveAsync(int id, CancellationToken cancellationToken) =>
        Active.Where(category => category.Id == id).Select(ToDto).FirstOrDefaultAsync(cancellationToken);

    public Task<CategoryDto?> FindActiveBySlugAsync(string slug, CancellationToken cancellationToken) =>
        Active.Where(category => category.Slug == slug).Select(ToDto).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<CategoryDto>> ListActiveAsync(CancellationToken cancellationToken) =>
        await Active.OrderBy(category => category.Name).ThenBy(category => category.Id).Select(ToDto).ToListAsync(cancellationToken);
}
