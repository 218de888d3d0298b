using System.Linq.Expressions;
using Ecommerce.Application.Abstractions;
using Ecommerce.Application.Common.Paging;
using Ecommerce.Application.Products;
using Ecommerce.Domain.Catalog;
using Ecommerce.Infrastructure.Persistence.Connections;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ecommerce.Infrastructure.Persistence.Products;

internal sealed class ProductReader(IDbContextFactory<CatalogDbContext> contexts, NpgsqlDataSource dataSource) : IProductReader
{
    internal static readonly Expression<Func<Product, ProductDto>> ToDto = product => new ProductDto(
        product.Id, product.Name, product.Slug, product.Description, product.Price, product.ImageUrl, product.Stock,
        product.CategoryId, product.Rating, product.IsActive, product.CreatedAt, product.UpdatedAt)
    {
        Version = product.Version,
    };

    public Task<ProductDto?> FindActiveAsync(int id, CancellationToken cancellationToken) =>
        SingleRowQuery.ReadAsync(dataSource, ProductRowSql.ActiveById, id, ProductRowSql.Map, cancellationToken);

    public Task<ProductDto?> FindActiveBySlugAsync(string slug, CancellationToken cancellationToken) =>
        SingleRowQuery.ReadAsync(dataSource, ProductRowSql.ActiveBySlug, slug, ProductRowSql.Map, cancellationToken);

    public async Task<PagedList<ProductDto>> ListAsync(ProductListCriteria criteria, CancellationToken cancellationToken)
    {
        // No category has a slug that breaks the slug rules, so such a filter matches nothing.
        if (criteria.CategorySlug is { } slug && !Slug.IsValid(slug))
        {
            return Empty(criteria);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ListOnceAsync(criteria, cancellationToken);
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

    private async Task<PagedList<ProductDto>> ListOnceAsync(ProductListCriteria criteria, CancellationToken cancellationToken)
    {
        await using var dbContext = await contexts.CreateDbContextAsync(cancellationToken);
        // One connection for the list's statements, rather than one pool rental each.
        await using var openConnection = await dbContext.Database.KeepConnectionOpenAsync(cancellationToken);
        var connection = (NpgsqlConnection)dbContext.Database.GetDbConnection();

        int[]? categoryIds = null;
        if (criteria.CategorySlug is { } categorySlug)
        {
            categoryIds = await CategoryTreeSql.SubtreeAsync(connection, categorySlug, cancellationToken);
            if (categoryIds.Length == 0)
            {
                return Empty(criteria);
            }
        }

        var namePattern = criteria.Search is { } search ? "%" + EscapeLikePattern(search) + "%" : null;
        var skip = (long)(criteria.Page - 1) * criteria.PageSize;
        var totalCount = FiltersOnlyByCategory(criteria)
            ? await CategoryTreeSql.CountActiveProductsAsync(connection, categoryIds, cancellationToken)
            : await ProductListQueries.Count(
                dbContext, categoryIds, namePattern, criteria.MinPrice, criteria.MaxPrice, criteria.InStock, cancellationToken);
        if (skip >= totalCount)
        {
            return Empty(criteria) with { TotalCount = totalCount };
        }

        var items = await ProductListQueries.Page(
                dbContext, criteria.Sort, categoryIds, namePattern, criteria.MinPrice, criteria.MaxPrice, criteria.InStock,
                (int)skip, criteria.PageSize)
            .ToListAsync(cancellationToken);
        return new PagedList<ProductDto>(items, criteria.Page, criteria.PageSize, totalCount);
    }

    private static bool FiltersOnlyByCategory(ProductListCriteria criteria) =>
        criteria is { Search: null, MinPrice: null, MaxPrice: null, InStock: null };

    /// <summary>Makes <c>%</c>, <c>_</c> and the escape character itself match literally.</summary>
    private static string EscapeLikePattern(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);

    private static PagedList<ProductDto> Empty(ProductListCriteria criteria) => new([], criteria.Page, criteria.PageSize, 0);
}
