using Ecommerce.Application.Abstractions;
using Ecommerce.Application.Common.Paging;
using Ecommerce.Application.Products;
using Ecommerce.Domain.Catalog;
using Ecommerce.Infrastructure.Persistence.Connections;
using Ecommerce.Infrastructure.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Ecommerce.Infrastructure.Persistence.Products;

internal sealed class ProductReader(IDbContextFactory<CatalogDbContext> contexts, NpgsqlDataSource dataSource, IModel model)
    : IProductReader
{
    private readonly ActiveRows<ProductDto> _rows = ActiveRows<ProductDto>.Of<Product>(model);

    public Task<ProductDto?> FindActiveAsync(int id, CancellationToken cancellationToken) =>
        _rows.ByIdAsync(dataSource, id, cancellationToken);

    public Task<ProductDto?> FindActiveBySlugAsync(string slug, CancellationToken cancellationToken) =>
        _rows.BySlugAsync(dataSource, slug, cancellationToken);

    public async Task<PagedList<ProductDto>> ListAsync(ListProductsQuery query, CancellationToken cancellationToken)
    {
        // No category has a slug that breaks the slug rules, so such a filter matches nothing.
        if (query.Filter.CategorySlug is { } slug && !Slug.IsValid(slug))
        {
            return Empty(query);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ListOnceAsync(query, cancellationToken);
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

    private async Task<PagedList<ProductDto>> ListOnceAsync(ListProductsQuery query, CancellationToken cancellationToken)
    {
        await using var dbContext = await contexts.CreateDbContextAsync(cancellationToken);
        // One connection for the list's statements, rather than one pool rental each.
        await using var openConnection = await dbContext.Database.KeepConnectionOpenAsync(cancellationToken);
        var connection = (NpgsqlConnection)dbContext.Database.GetDbConnection();

        int[]? categoryIds = null;
        if (query.Filter.CategorySlug is { } categorySlug)
        {
            categoryIds = await CategoryTreeSql.SubtreeAsync(connection, categorySlug, cancellationToken);
            if (categoryIds.Length == 0)
            {
                return Empty(query);
            }
        }

        var list = new ProductListParameters(
            query.Filter, categoryIds, query.Filter.Search is { } search ? "%" + EscapeLikePattern(search) + "%" : null);
        var skip = (long)(query.Page - 1) * query.PageSize;
        var totalCount = query.Filter.IsCategoryOnly
            ? await CategoryTreeSql.CountActiveProductsAsync(connection, categoryIds, cancellationToken)
            : await ProductListQueries.Count(dbContext, list, cancellationToken);
        if (skip >= totalCount)
        {
            return Empty(query) with { TotalCount = totalCount };
        }

        var items = await ProductListQueries.Page(dbContext, query.Sort, list, (int)skip, query.PageSize).ToListAsync(cancellationToken);
        return new PagedList<ProductDto>(items, query.Page, query.PageSize, totalCount);
    }

    /// <summary>Makes <c>%</c>, <c>_</c> and the escape character itself match literally.</summary>
    private static string EscapeLikePattern(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);

    private static PagedList<ProductDto> Empty(ListProductsQuery query) => new([], query.Page, query.PageSize, 0);
}
