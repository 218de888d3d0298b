using System.Linq.Expressions;
using Ecommerce.Application.Abstractions;
using Ecommerce.Application.Categories;
using Ecommerce.Domain.Catalog;
using Ecommerce.Infrastructure.Persistence.Connections;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ecommerce.Infrastructure.Persistence.Categories;

internal sealed class CategoryReader(IDbContextFactory<CatalogDbContext> contexts, NpgsqlDataSource dataSource) : ICategoryReader
{
    private static readonly Expression<Func<Category, CategoryDto>> ToDto = category => new CategoryDto(
        category.Id, category.Name, category.Slug, category.ParentId, category.IsActive, category.CreatedAt, category.UpdatedAt)
    {
        Version = category.Version,
    };

    public Task<CategoryDto?> FindActiveAsync(int id, CancellationToken cancellationToken) =>
        SingleRowQuery.ReadAsync(dataSource, CategoryRowSql.ActiveById, id, CategoryRowSql.Map, cancellationToken);

    public Task<CategoryDto?> FindActiveBySlugAsync(string slug, CancellationToken cancellationToken) =>
        SingleRowQuery.ReadAsync(dataSource, CategoryRowSql.ActiveBySlug, slug, CategoryRowSql.Map, cancellationToken);

    public async Task<IReadOnlyList<CategoryDto>> ListActiveAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var dbContext = await contexts.CreateDbContextAsync(cancellationToken);
                return await dbContext.Categories.AsNoTracking()
                    .Where(category => category.IsActive)
                    .OrderBy(category => category.Name).ThenBy(category => category.Id)
                    .Select(ToDto)
                    .ToListAsync(cancellationToken);
            }
            catch (Exception exception) when (DatabaseFailures.IsTransient(exception))
            {
                if (!await ReadRetry.ShouldRetryAsync(exception, attempt, cancellationToken))
                {
                    throw;
                }
            }
        }
    }
}
