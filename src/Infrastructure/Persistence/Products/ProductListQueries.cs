using System.Linq.Expressions;
using Ecommerce.Application.Products;
using Ecommerce.Domain.Catalog;
using Ecommerce.Infrastructure.Persistence.Rows;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Infrastructure.Persistence.Products;

/// <summary>
/// A list's filter as the SQL needs it: the client's filter, with the category slug resolved to
/// the ids of its subtree and the search turned into an escaped LIKE pattern.
/// </summary>
internal sealed record ProductListParameters(ProductFilter Filter, int[]? CategoryIds, string? NamePattern);

/// <summary>
/// The product list as compiled queries: one count and one page query per sort order, built once
/// from a single filter in which every field of <see cref="ProductFilter"/> is applied when it is
/// not null. EF Core drops the <c>@p IS NULL OR ...</c> branch of every filter that is not given and
/// caches the SQL per combination, so each request sends the same SQL a hand-composed query would,
/// without composing and translating it again. Compiled queries take scalar parameters only, so
/// <see cref="Count"/> and <see cref="Page"/> unpack the list's parameters here: a new filter is a
/// parameter of <see cref="Matching"/> and its condition, and one more argument in the two calls below.
/// </summary>
internal static class ProductListQueries
{
    private static readonly Expression<Func<CatalogDbContext, int[]?, string?, decimal?, decimal?, bool?, IQueryable<Product>>> Matching =
        (context, categoryIds, namePattern, minPrice, maxPrice, inStock) => context.Products.AsNoTracking().Where(product =>
            product.IsActive
            && (categoryIds == null || categoryIds.Contains(product.CategoryId))
            && (namePattern == null || EF.Functions.ILike(product.Name, namePattern, @"\"))
            && (minPrice == null || product.Price >= minPrice)
            && (maxPrice == null || product.Price <= maxPrice)
            && (inStock == null || (inStock == true && product.Stock > 0) || (inStock == false && product.Stock == 0)));

    private static readonly IReadOnlyDictionary<ProductSort, Expression<Func<IQueryable<Product>, IQueryable<Product>>>> Orders =
        new Dictionary<ProductSort, Expression<Func<IQueryable<Product>, IQueryable<Product>>>>
        {
            [ProductSort.Name] = products => products.OrderBy(product => product.Name).ThenBy(product => product.Id),
            [ProductSort.NameDescending] = products => products.OrderByDescending(product => product.Name).ThenByDescending(product => product.Id),
            [ProductSort.Price] = products => products.OrderBy(product => product.Price).ThenBy(product => product.Id),
            [ProductSort.PriceDescending] = products => products.OrderByDescending(product => product.Price).ThenByDescending(product => product.Id),
            [ProductSort.Rating] = products => products.OrderBy(product => product.Rating).ThenBy(product => product.Id),
            [ProductSort.RatingDescending] = products => products.OrderByDescending(product => product.Rating).ThenByDescending(product => product.Id),
            [ProductSort.Newest] = products => products.OrderByDescending(product => product.CreatedAt).ThenByDescending(product => product.Id),
        };

    private static readonly Func<CatalogDbContext, int[]?, string?, decimal?, decimal?, bool?, CancellationToken, Task<int>> CountQuery =
        EF.CompileAsyncQuery(Expression.Lambda<Func<CatalogDbContext, int[]?, string?, decimal?, decimal?, bool?, CancellationToken, int>>(
            Expression.Call(typeof(Queryable), nameof(Queryable.Count), [typeof(Product)], Matching.Body),
            [.. Matching.Parameters, Expression.Parameter(typeof(CancellationToken), "cancellationToken")]));

    private static readonly IReadOnlyDictionary<ProductSort, Func<CatalogDbContext, int[]?, string?, decimal?, decimal?, bool?, int, int, IAsyncEnumerable<ProductDto>>> Pages =
        Orders.ToDictionary(order => order.Key, order => CompilePage(order.Value));

    public static Task<int> Count(CatalogDbContext context, ProductListParameters list, CancellationToken cancellationToken) =>
        CountQuery(context, list.CategoryIds, list.NamePattern, list.Filter.MinPrice, list.Filter.MaxPrice, list.Filter.InStock, cancellationToken);

    public static IAsyncEnumerable<ProductDto> Page(CatalogDbContext context, ProductSort sort, ProductListParameters list, int skip, int take) =>
        Pages[sort](context, list.CategoryIds, list.NamePattern, list.Filter.MinPrice, list.Filter.MaxPrice, list.Filter.InStock, skip, take);

    private static Func<CatalogDbContext, int[]?, string?, decimal?, decimal?, bool?, int, int, IAsyncEnumerable<ProductDto>> CompilePage(
        Expression<Func<IQueryable<Product>, IQueryable<Product>>> order)
    {
        var skip = Expression.Parameter(typeof(int), "skip");
        var take = Expression.Parameter(typeof(int), "take");
        var ordered = new Substitution(order.Parameters[0], Matching.Body).Visit(order.Body);
        var page = Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(Product)],
            Expression.Call(typeof(Queryable), nameof(Queryable.Skip), [typeof(Product)], ordered, skip), take);
        var dtos = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(Product), typeof(ProductDto)],
            page, Expression.Quote(DtoProjections.Product));
        return EF.CompileAsyncQuery(Expression.Lambda<Func<CatalogDbContext, int[]?, string?, decimal?, decimal?, bool?, int, int, IQueryable<ProductDto>>>(
            dtos, [.. Matching.Parameters, skip, take]));
    }

    private sealed class Substitution(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}
