using Npgsql;

namespace Ecommerce.Infrastructure.Persistence.Products;

/// <summary>
/// The two category-side statements of a product list, sent through the connection the list has
/// open: raw SQL with nothing to map, for which EF Core's query pipeline would only add cost.
/// </summary>
internal static class CategoryTreeSql
{
    // UNION rather than UNION ALL: should a cycle ever reach the table, the walk still ends.
    private const string Subtree = """
        WITH RECURSIVE tree AS (
            SELECT id FROM categories WHERE slug = $1 AND is_active
            UNION
            SELECT child.id FROM categories child JOIN tree parent ON child.parent_id = parent.id WHERE child.is_active
        )
        SELECT id FROM tree
        """;

    private const string CountAll = "SELECT coalesce(sum(active_products), 0)::integer FROM category_product_counts";

    private const string CountIn =
        "SELECT coalesce(sum(active_products), 0)::integer FROM category_product_counts WHERE category_id = ANY($1)";

    /// <summary>The active category with this slug and all its active descendants, in one recursive query.</summary>
    public static async Task<int[]> SubtreeAsync(NpgsqlConnection connection, string slug, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Subtree, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = slug });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt32(0));
        }

        return [.. ids];
    }

    /// <summary>
    /// The active products of these categories (of all, for null) from the counters that the
    /// database keeps per category: a sum over categories, whatever the size of the catalog.
    /// </summary>
    public static async Task<int> CountActiveProductsAsync(NpgsqlConnection connection, int[]? categoryIds, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(categoryIds is null ? CountAll : CountIn, connection);
        if (categoryIds is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = categoryIds });
        }

        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
