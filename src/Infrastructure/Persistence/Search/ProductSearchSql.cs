namespace Ecommerce.Infrastructure.Persistence.Search;

/// <summary>
/// The product search (docs/search.md) as SQL over the functions of the <c>AddProductSearch</c>
/// migration. Rows carry the columns of <c>ProductRowSql</c> in its order, so that its <c>Map</c>
/// reads them, followed by the relevance tier (and the capped total, where there is one).
/// Parameters: <c>$1</c> q; <c>$2</c> category ids (<c>integer[]</c>) or null; <c>$3</c>, <c>$4</c> the
/// price range or nulls; <c>$5</c> in stock or null; <c>$6</c>, <c>$7</c> the cursor (tier, id) or
/// nulls; <c>$8</c> rows to skip (offset paging; 0 with a cursor); <c>$9</c> the page size.
/// </summary>
internal static class ProductSearchSql
{
    /// <summary>Totals are exact up to this many matches and reported as "at least" beyond.</summary>
    public const int TotalCap = 10_000;

    /// <summary>Counting stops at one more than the cap: a count above it means "gte".</summary>
    public const int CountLimit = TotalCap + 1;

    // CountLimit as SQL text: an interpolated number is not a constant.
    private const string CountLimitSql = "10001";

    private const string Columns =
        "p.id, p.name, p.slug, p.description, p.price, p.image_url, p.stock, p.category_id, p.rating, p.is_active, "
        + "p.created_at, p.updated_at, p.xmin";

    private const string Terms = "WITH terms AS MATERIALIZED (SELECT * FROM catalog_search_terms($1))";

    private const string PageIds =
        "page AS MATERIALIZED (SELECT s.id, s.tier FROM terms, catalog_search_page(terms.exact, terms.exact_in_name, terms.fuzzy, "
        + "terms.fuzzy_in_name, terms.name_pattern, $2, $3, $4, $5, $6, $7, $8, $9) s)";

    /// <summary>A page in relevance order: columns, then <c>tier</c>.</summary>
    public const string Page = $"""
        {Terms},
        {PageIds}
        SELECT {Columns}, page.tier
        FROM page JOIN products p ON p.id = page.id
        ORDER BY page.tier, page.id
        """;

    /// <summary>
    /// A page and the total capped at <see cref="CountLimit"/> in one statement (one evaluation of q):
    /// always at least one row; when the page is empty, that row has nulls for every column but the
    /// total. Columns, then <c>tier</c>, then <c>total</c>.
    /// </summary>
    public const string PageWithTotal = $"""
        {Terms},
        {PageIds},
        total AS MATERIALIZED (SELECT catalog_search_count(terms.fuzzy, terms.name_pattern, $2, $3, $4, $5, {CountLimitSql}) AS matches FROM terms)
        SELECT {Columns}, page.tier, total.matches
        FROM total LEFT JOIN (page JOIN products p ON p.id = page.id) ON TRUE
        ORDER BY page.tier, page.id
        """;

    /// <summary>The number of matches, capped at <see cref="CountLimit"/>; parameters <c>$1</c> to <c>$5</c>.</summary>
    public const string Count = $"""
        SELECT catalog_search_count(terms.fuzzy, terms.name_pattern, $2, $3, $4, $5, {CountLimitSql})
        FROM catalog_search_terms($1) terms
        """;
}
