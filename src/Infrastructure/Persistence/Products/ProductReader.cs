using System.Linq.Expressions;
using Ecommerce.Application.Abstractions;
using Ecommerce.Application.Common.Paging;
using Ecommerce.Application.Products;
using Ecommerce.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Infrastructure.Persistence.Products;

internal sealed class ProductReader(CatalogDbContext dbContext) : IProductReader
{
    private static readonly Expression<Func<Product, ProductDto>> ToDto = product => new ProductDto(
        product.Id, product.Name, product.Slug, product.Description, product.Price, product.ImageUrl, product.Stock,
        product.CategoryId, product.Rating, product.IsActive, product.CreatedAt, product.UpdatedAt)
    {
        Version = product.Version,
    };

    // Compiled once: the single-product reads are the hottest path and skip EF's per-call query translation lookup.
    private static readonly Func<CatalogDbContext, int, CancellationToken, Task<ProductDto?>> ById =
        EF.CompileAsyncQuery((CatalogDbContext context, int id, CancellationToken _) =>
            context.Products.AsNoTracking().Where(product => product.IsActive && product.Id == id).Select(ToDto).FirstOrDefault());

    private static readonly Func<CatalogDbContext, string, CancellationToken, Task<ProductDto?>> BySlug =
        EF.CompileAsyncQuery((CatalogDbContext context, string slug, CancellationToken _) =>
            context.Products.AsNoTracking().Where(product => product.IsActive && product.Slug == slug).Select(ToDto).FirstOrDefault());

    private IQueryable<Product> Active => dbContext.Products.AsNoTracking().Where(product => product.IsActive);

    public Task<ProductDto?> FindActiveAsync(int id, CancellationToken cancellationToken) => ById(dbContext, id, cancellationToken);

    public Task<ProductDto?> FindActiveBySlugAsync(string slug, CancellationToken cancellationToken) => BySlug(dbContext, slug, cancellationToken);

    public async Task<PagedList<ProductDto>> ListAsync(ProductListCriteria criteria, CancellationToken cancellationToken)
    {
        var products = Active;
        List<int>? categoryIds = null;
        if (criteria.CategorySlug is { } categorySlug)
        {
            // No category has a slug that breaks the slug rules, so such a filter matches nothing.
            if (!Slug.IsValid(categorySlug))
            {
                return Empty(criteria);
            }

            categoryIds = await SubtreeAsync(categorySlug, cancellationToken);
            if (categoryIds.Count == 0)
            {
                return Empty(criteria);
            }

            products = products.Where(product => categoryIds.Contains(product.CategoryId));
        }

        products = Filter(products, criteria);
        var skip = (long)(criteria.Page - 1) * criteria.PageSize;
        var totalCount = FiltersOnlyByCategory(criteria)
            ? await CountActiveAsync(categoryIds, cancellationToken)
            : await products.CountAsync(cancellationToken);
        if (skip >= totalCount)
        {
            return Empty(criteria) with { TotalCount = totalCount };
        }

        var items = await Sort(products, criteria.Sort)
            .Skip((int)skip)
            .Take(criteria.PageSize)
            .Select(ToDto)
            .ToListAsync(cancellationToken);
        return new PagedList<ProductDto>(items, criteria.Page, criteria.PageSize, totalCount);
    }

    /// <summary>The active category with this slug and all its active descendants, in one recursive query.</summary>
    private async Task<List<int>> SubtreeAsync(string slug, CancellationToken cancellationToken) =>
        await dbContext.Database.SqlQuery<int>($"""
            WITH RECURSIVE tree AS (
                SELECT id FROM categories WHERE slug = {slug} AND is_active
                UNION
                SELECT child.id FROM categories child JOIN tree parent ON child.parent_id = parent.id WHERE child.is_active
            )
            SELECT id AS "Value" FROM tree
            """).ToListAsync(cancellationToken);

    private static bool FiltersOnlyByCategory(ProductListCriteria criteria) =>
        criteria is { Search: null, MinPrice: null, MaxPrice: null, InStock: null };

    /// <summary>
    /// The active products of these categories (of all, for null) from the counters that the
    /// database keeps per category: a sum over categories, whatever the size of the catalog.
    /// </summary>
    private async Task<int> CountActiveAsync(List<int>? categoryIds, CancellationToken cancellationToken)
    {
        var counts = categoryIds is null
            ? dbContext.Database.SqlQuery<int>($"""
                SELECT coalesce(sum(active_products), 0)::integer AS "Value" FROM category_product_counts
                """)
            : dbContext.Database.SqlQuery<int>($"""
                SELECT coalesce(sum(active_products), 0)::integer AS "Value" FROM category_product_counts
                WHERE category_id = ANY({categoryIds.ToArray()})
                """);
        return await counts.SingleAsync(cancellationToken);
    }

    private static IQueryable<Product> Filter(IQueryable<Product> products, ProductListCriteria criteria)
    {
        if (criteria.Search is { } search)
        {
            var pattern = "%" + EscapeLikePattern(search) + "%";
            products = products.Where(product => EF.Functions.ILike(product.Name, pattern, @"\"));
        }

        if (criteria.MinPrice is { } minPrice)
        {
            products = products.Where(product => product.Price >= minPrice);
        }

        if (criteria.MaxPrice is { } maxPrice)
        {
            products = products.Where(product => product.Price <= maxPrice);
        }

        return criteria.InStock switch
        {
            true => products.Where(product => product.Stock > 0),
            false => products.Where(product => product.Stock == 0),
            null => products,
        };
    }

    private static IQueryable<Product> Sort(IQueryable<Product> products, ProductSort sort) => sort switch
    {
        ProductSort.NameDescending => products.OrderByDescending(product => product.Name).ThenByDescending(product => product.Id),
        ProductSort.Price => products.OrderBy(product => product.Price).ThenBy(product => product.Id),
        ProductSort.PriceDescending => products.OrderByDescending(product => product.Price).ThenByDescending(product => product.Id),
        ProductSort.Rating => products.OrderBy(product => product.Rating).ThenBy(product => product.Id),
        ProductSort.RatingDescending => products.OrderByDescending(product => product.Rating).ThenByDescending(product => product.Id),
        ProductSort.Newest => products.OrderByDescending(product => product.CreatedAt).ThenByDescending(product => product.Id),
        _ => products.OrderBy(product => product.Name).ThenBy(product => product.Id),
    };

    /// <summary>Makes <c>%</c>, <c>_</c> and the escape character itself match literally.</summary>
    private static string EscapeLikePattern(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);

    private static PagedList<ProductDto> Empty(ProductListCriteria criteria) => new([], criteria.Page, criteria.PageSize, 0);
}
