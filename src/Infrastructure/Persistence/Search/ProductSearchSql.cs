using System.Collections.Concurrent;
using Ecommerce.Application.Common.Paging;
using Ecommerce.Application.Products;
using Ecommerce.Infrastructure.Persistence.Rows;

namespace Ecommerce.Infrastructure.Persistence.Search;

/// <summary>
/// The product search (docs/search.md) as SQL over the functions of the <c>AddProductSearch</c>
/// migration. Rows carry the columns <paramref name="columns"/> (a select list over <c>p</c>, the
/// products row, in the order the DTO reader expects), then the relevance tier, then the total
/// capped at <see cref="CountLimit"/>: every statement returns at least one row, and when the page
/// is empty that row has nulls for every column but the total.
/// Parameters: <c>$1</c> q; <c>$2</c> category ids (<c>integer[]</c>) or null; <c>$3</c>, <c>$4</c> the
/// price range or nulls; <c>$5</c> in stock or null; <c>$6</c>, <c>$7</c> the cursor (its key, and id) or
/// nulls; <c>$8</c> rows to skip (offset paging; 0 with a cursor); <c>$9</c> rows to return.
/// </summary>
internal sealed class ProductSearchSql(string columns)
{
    /// <summary>Counting stops at one more than the cap: a count above it means "gte".</summary>
    public const int CountLimit = PagedList<ProductDto>.TotalCap + 1;

    private const string Terms = "terms AS MATERIALIZED (SELECT * FROM catalog_search_terms($1))";

    private static readonly string Total =
        $"total AS MATERIALIZED (SELECT catalog_search_count(terms.fuzzy, terms.name_pattern, $2, $3, $4, $5, {CountLimit}) AS matches FROM terms)";

    private static readonly string Filters =
        "p.is_active AND ($2::integer[] IS NULL OR p.category_id = ANY ($2)) AND ($3::numeric IS NULL OR p.price >= $3) "
        + "AND ($4::numeric IS NULL OR p.price <= $4) AND ($5::boolean IS NULL OR (p.stock > 0) = $5)";

    /// <summary>The statements for the columns of <paramref name="rows"/>, read from <c>p</c>.</summary>
    public static ProductSearchSql For(DtoRows<ProductDto> rows) =>
        new(string.Join(", ", rows.Columns.Split(", ").Select(column => "p." + column)));

    private readonly ConcurrentDictionary<ProductSort, string> _sorted = new();
    private readonly ConcurrentDictionary<ProductSort, string> _sortedAfter = new();

    /// <summary>A page in relevance order, <c>(tier, id)</c>; <c>$6</c> is the cursor's tier.</summary>
    public string ByRelevance { get; } = $"""
        WITH {Terms},
        page AS MATERIALIZED (SELECT s.id, s.tier FROM terms, catalog_search_page(terms.exact, terms.exact_in_name, terms.fuzzy,
            terms.fuzzy_in_name, terms.name_pattern, $2, $3, $4, $5, $6, $7, $8, $9) s),
        {Total}
        SELECT {columns}, page.tier, total.matches
        FROM total LEFT JOIN (page JOIN products p ON p.id = page.id) ON TRUE
        ORDER BY page.tier, page.id
        """;

    /// <summary>
    /// The matches in another order: a keyset range of that order's index (after the cursor when
    /// <paramref name="afterCursor"/>, <c>$6</c> then being the cursor's key) filtered by the search, with
    /// tier 0.
    /// </summary>
    public string Sorted(ProductSort sort, bool afterCursor) =>
        (afterCursor ? _sortedAfter : _sorted).GetOrAdd(sort, order => SortedSql(order, afterCursor));

    private string SortedSql(ProductSort sort, bool afterCursor)
    {
        var after = afterCursor ? $" AND {ProductKeysetSql.After(sort, "$6", "$7")}" : "";
        return $"""
            WITH {Terms},
            page AS MATERIALIZED (
                SELECT {columns}, row_number() OVER (ORDER BY {ProductKeysetSql.OrderBy(sort)}) AS position
                FROM products p, terms
                WHERE (p.search_vector @@ terms.fuzzy OR p.name ILIKE terms.name_pattern) AND {Filters}{after}
                ORDER BY {ProductKeysetSql.OrderBy(sort)}
                OFFSET $8 LIMIT $9),
            {Total}
            SELECT page.*, 0 AS tier, total.matches
            FROM total LEFT JOIN page ON TRUE
            ORDER BY page.position
            """;
    }
}
