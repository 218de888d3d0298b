using Npgsql;

namespace Ecommerce.Benchmarks.Floor;

/// <summary>The statements the API issues for each operation, written by hand.</summary>
internal static class CatalogSql
{
    public const string ProductColumns =
        "id, name, slug, description, price, image_url, stock, category_id, rating, is_active, created_at, updated_at, xmin";

    public const string ProductById = $"SELECT {ProductColumns} FROM products WHERE is_active AND id = $1 LIMIT 1";
    public const string ProductBySlug = $"SELECT {ProductColumns} FROM products WHERE is_active AND slug = $1 LIMIT 1";

    public const string CategoryBySlug =
        "SELECT id, name, slug, parent_id, is_active, created_at, updated_at, xmin FROM categories WHERE is_active AND slug = $1 LIMIT 1";

    public const string CountAll = "SELECT coalesce(sum(active_products), 0)::integer FROM category_product_counts";

    public const string CountCategories =
        "SELECT coalesce(sum(active_products), 0)::integer FROM category_product_counts WHERE category_id = ANY($1)";

    public const string Subtree = """
        WITH RECURSIVE tree AS (
            SELECT id FROM categories WHERE slug = $1 AND is_active
            UNION
            SELECT child.id FROM categories child JOIN tree parent ON child.parent_id = parent.id WHERE child.is_active
        )
        SELECT id FROM tree
        """;

    /// <summary>The version that tags a product list: products and categories, as the API reads it.</summary>
    public const string ListVersion =
        "SELECT coalesce(sum(version), 0)::bigint FROM catalog_versions WHERE table_name = ANY('{categories,products}'::text[])";

    public const string Insert = $"""
        INSERT INTO products (name, slug, description, price, image_url, stock, category_id, rating, is_active, created_at, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, 0, TRUE, $8, $8)
        RETURNING {ProductColumns}
        """;

    /// <summary>Only after an update changed nothing: was the product there (412) or not (404)?</summary>
    public const string ProductIsActive = "SELECT EXISTS (SELECT 1 FROM products WHERE id = $1 AND is_active)";

    // The version check is part of the update: without If-Match ($9 null) the last write wins.
    public const string Update = $"""
        UPDATE products SET name = $2, description = $3, price = $4, image_url = $5, stock = $6, category_id = $7, updated_at = $8
        WHERE id = $1 AND is_active AND ($9::xid IS NULL OR xmin = $9::xid)
        RETURNING {ProductColumns}
        """;

    public static ProductRow ReadProduct(NpgsqlDataReader reader) => new(
        reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.GetDecimal(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetInt32(6), reader.GetInt32(7),
        reader.GetDecimal(8), reader.GetBoolean(9), reader.GetDateTime(10), reader.GetDateTime(11))
    {
        Version = reader.GetFieldValue<uint>(12),
    };
}
