using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Ecommerce.Application.Common.Paging;
using Ecommerce.Application.Products;
using Ecommerce.Domain.Catalog;
using Ecommerce.Infrastructure.Persistence.Rows;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Infrastructure.Persistence.Products;

/// <summary>
/// A list's filter as the SQL needs it: the client's filter, with the category slug resolved to
/// the ids of its subtree.
/// </summary>
internal sealed record ProductListParameters(ProductFilter Filter, int[]? CategoryIds);

/// <summary>
/// The product list without a search, as compiled queries: a capped count, and per sort order an
/// offset page and a keyset page (the rows after a cursor's key and id, a range of the order's
/// <c>ix_products_active_*_id</c> index), built once from a single filter in which every field of
/// <see cref="ProductFilter"/> but the search is applied when it is not null. EF Core drops the
/// <c>@p IS NULL OR ...</c> branch of every filter that is not given and caches the SQL per
/// combination, so each request sends the SQL a hand-composed query would. Compiled queries take
/// scalar parameters only, so the methods below unpack the list's parameters: a new filter is a
/// parameter of <see cref="Matching"/> and its condition, and one more argument in each call. Lists
/// with a search are <see cref="Search.ProductSearchSql"/>'s.
/// </summary>
internal static class ProductListQueries
{
    private static readonly Expression<Func<CatalogDbContext, int[]?, decimal?, decimal?, bool?, IQueryable<Product>>> Matching =
        (context, categoryIds, minPrice, maxPrice, inStock) => context.Products.AsNoTracking().Where(product =>
            product.IsActive
            && (categoryIds == null || categoryIds.Contains(product.CategoryId))
            && (minPrice == null || product.Price >= minPrice)
            && (maxPrice == null || product.Price <= maxPrice)
            && (inStock == null || (inStock == true && product.Stock > 0) || (inStock == false && product.Stock == 0)));

    private static readonly Func<CatalogDbContext, int[]?, decimal?, decimal?, bool?, CancellationToken, Task<int>> CappedCountQuery =
        EF.CompileAsyncQuery(Expression.Lambda<Func<CatalogDbContext, int[]?, decimal?, decimal?, bool?, CancellationToken, int>>(
            Expression.Call(typeof(Queryable), nameof(Queryable.Count), [typeof(Product)],
                Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(Product)], Matching.Body, Expression.Constant(PagedList<ProductDto>.TotalCap + 1))),
            [.. Matching.Parameters, Expression.Parameter(typeof(CancellationToken), "cancellationToken")]));

    private static readonly IReadOnlyDictionary<ProductSort, Func<CatalogDbContext, int[]?, decimal?, decimal?, bool?, int, int, IAsyncEnumerable<ProductDto>>> OffsetPages =
        new Dictionary<ProductSort, Func<CatalogDbContext, int[]?, decimal?, decimal?, bool?, int, int, IAsyncEnumerable<ProductDto>>>
        {
            [ProductSort.Name] = CompileOffset(product => product.Name, descending: false),
            [ProductSort.NameDescending] = CompileOffset(product => product.Name, descending: true),
            [ProductSort.Price] = CompileOffset(product => product.Price, descending: false),
            [ProductSort.PriceDescending] = CompileOffset(product => product.Price, descending: true),
            [ProductSort.Rating] = CompileOffset(product => product.Rating, descending: false),
            [ProductSort.RatingDescending] = CompileOffset(product => product.Rating, descending: true),
            [ProductSort.Newest] = CompileOffset(product => product.CreatedAt, descending: true),
        };

    private static readonly Keyset<string> NameAfter = CompileKeyset(product => product.Name, descending: false);
    private static readonly Keyset<string> NameDescendingAfter = CompileKeyset(product => product.Name, descending: true);
    private static readonly Keyset<decimal> PriceAfter = CompileKeyset(product => product.Price, descending: false);
    private static readonly Keyset<decimal> PriceDescendingAfter = CompileKeyset(product => product.Price, descending: true);
    private static readonly Keyset<decimal> RatingAfter = CompileKeyset(product => product.Rating, descending: false);
    private static readonly Keyset<decimal> RatingDescendingAfter = CompileKeyset(product => product.Rating, descending: true);
    private static readonly Keyset<DateTime> NewestAfter = CompileKeyset(product => product.CreatedAt, descending: true);

    private delegate IAsyncEnumerable<ProductDto> Keyset<in TKey>(
        CatalogDbContext context, int[]? categoryIds, decimal? minPrice, decimal? maxPrice, bool? inStock, TKey afterKey, int afterId, int take);

    /// <summary>The number of matches, counted no further than one past the cap.</summary>
    public static Task<int> CappedCount(CatalogDbContext context, ProductListParameters list, CancellationToken cancellationToken) =>
        CappedCountQuery(context, list.CategoryIds, list.Filter.MinPrice, list.Filter.MaxPrice, list.Filter.InStock, cancellationToken);

    public static IAsyncEnumerable<ProductDto> Page(CatalogDbContext context, ProductSort sort, ProductListParameters list, int skip, int take) =>
        OffsetPages[sort](context, list.CategoryIds, list.Filter.MinPrice, list.Filter.MaxPrice, list.Filter.InStock, skip, take);

    /// <summary>The <paramref name="take"/> products after <paramref name="after"/> in its order; a name cursor's name must be whole.</summary>
    public static IAsyncEnumerable<ProductDto> PageAfter(CatalogDbContext context, ProductCursor after, ProductListParameters list, int take)
    {
        var (ids, min, max, stock) = (list.CategoryIds, list.Filter.MinPrice, list.Filter.MaxPrice, list.Filter.InStock);
        return after.Sort switch
        {
            ProductSort.Name => NameAfter(context, ids, min, max, stock, after.Name, after.Id, take),
            ProductSort.NameDescending => NameDescendingAfter(context, ids, min, max, stock, after.Name, after.Id, take),
            ProductSort.Price => PriceAfter(context, ids, min, max, stock, after.Number, after.Id, take),
            ProductSort.PriceDescending => PriceDescendingAfter(context, ids, min, max, stock, after.Number, after.Id, take),
            ProductSort.Rating => RatingAfter(context, ids, min, max, stock, after.Number, after.Id, take),
            ProductSort.RatingDescending => RatingDescendingAfter(context, ids, min, max, stock, after.Number, after.Id, take),
            ProductSort.Newest => NewestAfter(context, ids, min, max, stock, after.CreatedAt, after.Id, take),
            _ => throw new ArgumentOutOfRangeException(nameof(after), after.Sort, "Relevance needs a search."),
        };
    }

    private static Func<CatalogDbContext, int[]?, decimal?, decimal?, bool?, int, int, IAsyncEnumerable<ProductDto>> CompileOffset<TKey>(
        Expression<Func<Product, TKey>> key, bool descending)
    {
        var skip = Expression.Parameter(typeof(int), "skip");
        var take = Expression.Parameter(typeof(int), "take");
        var page = Call(nameof(Queryable.Take), Call(nameof(Queryable.Skip), Ordered(Matching.Body, key, descending), skip), take);
        return EF.CompileAsyncQuery(Expression.Lambda<Func<CatalogDbContext, int[]?, decimal?, decimal?, bool?, int, int, IQueryable<ProductDto>>>(
            Projected(page), [.. Matching.Parameters, skip, take]));
    }

    /// <summary>
    /// <c>WHERE (key, id) &gt; (@afterKey, @afterId) ORDER BY key, id LIMIT @take</c> (with <c>&lt;</c> and
    /// <c>DESC</c> for a descending order): a PostgreSQL row comparison, which an index on <c>(key, id)</c>
    /// answers as a range.
    /// </summary>
    private static Keyset<TKey> CompileKeyset<TKey>(Expression<Func<Product, TKey>> key, bool descending)
    {
        var afterKey = Expression.Parameter(typeof(TKey), "afterKey");
        var afterId = Expression.Parameter(typeof(int), "afterId");
        var take = Expression.Parameter(typeof(int), "take");
        var product = key.Parameters[0];
        var pair = typeof(ValueTuple<TKey, int>).GetConstructor([typeof(TKey), typeof(int)])!;
        var comparison = Expression.Call(
            typeof(NpgsqlDbFunctionsExtensions).GetMethod(
                descending ? nameof(NpgsqlDbFunctionsExtensions.LessThan) : nameof(NpgsqlDbFunctionsExtensions.GreaterThan),
                [typeof(DbFunctions), typeof(ITuple), typeof(ITuple)])!,
            Expression.Property(null, typeof(EF), nameof(EF.Functions)),
            Expression.Convert(Expression.New(pair, key.Body, Expression.Property(product, nameof(Product.Id))), typeof(ITuple)),
            Expression.Convert(Expression.New(pair, afterKey, afterId), typeof(ITuple)));
        var after = Call(nameof(Queryable.Where), Matching.Body, Expression.Quote(Expression.Lambda<Func<Product, bool>>(comparison, product)));
        var page = Call(nameof(Queryable.Take), Ordered(after, key, descending), take);
        var query = EF.CompileAsyncQuery(
            Expression.Lambda<Func<CatalogDbContext, int[]?, decimal?, decimal?, bool?, TKey, int, int, IQueryable<ProductDto>>>(
                Projected(page), [.. Matching.Parameters, afterKey, afterId, take]));
        return (context, categoryIds, minPrice, maxPrice, inStock, key, id, count) =>
            query(context, categoryIds, minPrice, maxPrice, inStock, key, id, count);
    }

    /// <summary>Ordered by the key, ties by id in the same direction.</summary>
    private static Expression Ordered<TKey>(Expression products, Expression<Func<Product, TKey>> key, bool descending)
    {
        Expression<Func<Product, int>> id = product => product.Id;
        var byKey = Expression.Call(typeof(Queryable), descending ? nameof(Queryable.OrderByDescending) : nameof(Queryable.OrderBy),
            [typeof(Product), typeof(TKey)], products, Expression.Quote(key));
        return Expression.Call(typeof(Queryable), descending ? nameof(Queryable.ThenByDescending) : nameof(Queryable.ThenBy),
            [typeof(Product), typeof(int)], byKey, Expression.Quote(id));
    }

    private static Expression Projected(Expression products) =>
        Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(Product), typeof(ProductDto)], products, Expression.Quote(DtoProjections.Product));

    private static MethodCallExpression Call(string method, params Expression[] arguments) =>
        Expression.Call(typeof(Queryable), method, [typeof(Product)], arguments);
}
