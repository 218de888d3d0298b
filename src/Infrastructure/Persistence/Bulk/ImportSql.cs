namespace Ecommerce.Infrastructure.Persistence.Bulk;

/// <summary>The statements of an import, in the order they run.</summary>
internal static class ImportSql
{
    /// <summary>Private to the import's session and gone with its transaction, committed or not.</summary>
    public const string CreateStaging = """
        CREATE TEMPORARY TABLE import_staging (
            line integer NOT NULL,
            name text NOT NULL,
            slug text NOT NULL,
            description text,
            price numeric(12,2) NOT NULL,
            image_url text,
            stock integer NOT NULL,
            category text NOT NULL
        ) ON COMMIT DROP;
        CREATE TEMPORARY TABLE import_rejections (line integer NOT NULL, field text NOT NULL, message text NOT NULL) ON COMMIT DROP;
        """;

    public const string CopyIntoStaging =
        "COPY import_staging (line, name, slug, description, price, image_url, stock, category) FROM STDIN (FORMAT BINARY)";

    /// <summary>
    /// What only the catalog can tell: a category slug that names no active category, a slug that an
    /// earlier line of the file already has (one statement cannot write a row twice), and a slug that
    /// belongs to a deleted product (which, as on create, stays taken).
    /// </summary>
    public const string FindRejections = """
        ANALYZE import_staging;
        INSERT INTO import_rejections (line, field, message)
        SELECT staged.line, 'category', 'category must name an active category.'
        FROM import_staging staged
        WHERE NOT EXISTS (SELECT 1 FROM categories WHERE categories.slug = staged.category AND categories.is_active)
        UNION ALL
        SELECT repeated.line, 'slug', 'The slug is already on line ' || repeated.first || ' of this file.'
        FROM (SELECT line, min(line) OVER (PARTITION BY slug) AS first FROM import_staging) repeated
        WHERE repeated.line <> repeated.first
        UNION ALL
        SELECT staged.line, 'slug', 'The slug belongs to a deleted product.'
        FROM import_staging staged JOIN products ON products.slug = staged.slug AND NOT products.is_active;
        """;

    public const string CountRejectedLines = "SELECT count(DISTINCT line) FROM import_rejections";

    public const string FirstRejections = """
        SELECT line, array_agg(field ORDER BY field, message), array_agg(message ORDER BY field, message)
        FROM import_rejections GROUP BY line ORDER BY line LIMIT $1
        """;

    /// <summary>
    /// Every staged row in one statement. A row equal to its product is left alone (no new version, no
    /// new <c>updated_at</c>), so that importing an export changes nothing. <c>xmax = 0</c> tells an
    /// inserted row from an updated one.
    /// </summary>
    public const string Upsert = """
        WITH written AS (
            INSERT INTO products AS product (name, slug, description, price, image_url, stock, category_id, rating, is_active, created_at, updated_at)
            SELECT staged.name, staged.slug, staged.description, staged.price, staged.image_url, staged.stock, categories.id, 0, true, $1, $1
            FROM import_staging staged JOIN categories ON categories.slug = staged.category AND categories.is_active
            ORDER BY staged.line
            ON CONFLICT (slug) DO UPDATE SET
                name = excluded.name, description = excluded.description, price = excluded.price,
                image_url = excluded.image_url, stock = excluded.stock, category_id = excluded.category_id,
                updated_at = excluded.updated_at
            WHERE product.is_active
                AND (product.name, product.description, product.price, product.image_url, product.stock, product.category_id)
                    IS DISTINCT FROM (excluded.name, excluded.description, excluded.price, excluded.image_url, excluded.stock, excluded.category_id)
            RETURNING xmax = 0 AS inserted
        )
        SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted), (SELECT count(*) FROM import_staging)
        FROM written
        """;

    /// <summary>What <see cref="Upsert"/> would do, counted without writing.</summary>
    public const string CountChanges = """
        SELECT count(*) FILTER (WHERE product.id IS NULL),
               count(*) FILTER (WHERE product.id IS NOT NULL
                   AND (product.name, product.description, product.price, product.image_url, product.stock, product.category_id)
                       IS DISTINCT FROM (staged.name, staged.description, staged.price, staged.image_url, staged.stock, categories.id)),
               count(*)
        FROM import_staging staged
        JOIN categories ON categories.slug = staged.category AND categories.is_active
        LEFT JOIN products product ON product.slug = staged.slug
        """;
}
