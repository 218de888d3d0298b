using Ecommerce.Application.Abstractions;
using Ecommerce.Application.Categories;
using Ecommerce.Domain.Catalog;
using Ecommerce.Infrastructure.Persistence.Connections;
using Ecommerce.Infrastructure.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Ecommerce.Infrastructure.Persistence.Categories;

internal sealed class CategoryReader(IDbContextFactory<CatalogDbContext> contexts, NpgsqlDataSource dataSource, IModel model)
    : ICategoryReader
{
    private readonly ActiveRows<CategoryDto> _rows = ActiveRows<CategoryDto>.Of<Category>(model);

    public Task<CategoryDto?> FindActiveAsync(int id, CancellationToken cancellationToken) =>
        _rows.ByIdAsync(dataSource, id, cancellationToken);

    public Task<CategoryDto?> FindActiveBySlugAsync(string slug, CancellationToken cancellationToken) =>
        _rows.BySlugAsync(dataSource, slug, cancellationToken);

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
                    .Select(DtoProjections.Category)
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
