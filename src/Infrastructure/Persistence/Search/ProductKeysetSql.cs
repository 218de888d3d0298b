using Ecommerce.Application.Products;

namespace Ecommerce.Infrastructure.Persistence.Search;

/// <summary>
/// The pieces of a keyset (cursor) page of active products for every sort order but relevance, each
/// a range of one of the <c>ix_products_active_*_id</c> indexes (read backwards for the descending
/// orders). <c>p</c> is the alias of <c>products</c>.
/// </summary>
internal static class ProductKeysetSql
{
    /// <summary>The sort key that a cursor carries with the id, as a column of <c>p</c>.</summary>
    public static string Key(ProductSort sort) => sort switch
    {
        ProductSort.Name or ProductSort.NameDescending => "p.name",
        ProductSort.Price or ProductSort.PriceDescending => "p.price",
        ProductSort.Rating or ProductSort.RatingDescending => "p.rating",
        ProductSort.Newest => "p.created_at",
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, null),
    };

    public static bool IsDescending(ProductSort sort) =>
        sort is ProductSort.NameDescending or ProductSort.PriceDescending or ProductSort.RatingDescending or ProductSort.Newest;

    /// <summary>The ORDER BY list, ties broken by id in the same direction.</summary>
    public static string OrderBy(ProductSort sort) =>
        IsDescending(sort) ? $"{Key(sort)} DESC, p.id DESC" : $"{Key(sort)}, p.id";

    /// <summary>The condition for rows after the cursor (<paramref name="key"/>, <paramref name="id"/>), as a row comparison.</summary>
    public static string After(ProductSort sort, string key, string id) =>
        $"({Key(sort)}, p.id) {(IsDescending(sort) ? "<" : ">")} ({key}, {id})";
}
