using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ecommerce.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Repairs <c>category_product_counts</c>: AddCategoryProductCounts filled the counters before it
    /// created their triggers, so a product write that committed in between was never counted. The
    /// recount holds a SHARE lock on <c>products</c>, which lets reads go on and makes product writes
    /// wait until this migration commits, so that no write can slip between the count and the commit.
    /// The counter function now keeps a counter at zero instead of failing the write when a counter
    /// has drifted below the truth; <c>category_product_count_drift()</c> reports such drift and
    /// <c>rebuild_category_product_counts()</c> repairs it (docs/migrations.md, "Derived data").
    /// </summary>
    public partial class RecountCategoryProductCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CounterFunction(clampAtZero: true));
            migrationBuilder.Sql("""
                CREATE FUNCTION category_product_count_drift()
                RETURNS TABLE (category_id integer, recorded integer, actual integer)
                LANGUAGE sql STABLE AS $$
                    SELECT c.id, coalesce(counts.active_products, 0), coalesce(actual.n, 0)
                    FROM categories c
                    LEFT JOIN category_product_counts counts ON counts.category_id = c.id
                    LEFT JOIN (SELECT p.category_id, count(*)::integer AS n FROM products p WHERE p.is_active GROUP BY p.category_id) actual
                        ON actual.category_id = c.id
                    WHERE coalesce(counts.active_products, 0) <> coalesce(actual.n, 0)
                    ORDER BY c.id
                $$;

                CREATE FUNCTION rebuild_category_product_counts() RETURNS integer LANGUAGE plpgsql AS $$
                DECLARE
                    corrected integer;
                BEGIN
                    -- Waits for the product writes in flight and holds new ones until the caller's
                    -- transaction ends; reads go on.
                    LOCK TABLE products IN SHARE MODE;
                    WITH drifted AS (
                        SELECT category_id, actual FROM category_product_count_drift()
                    ), corrected_rows AS (
                        INSERT INTO category_product_counts AS counts (category_id, active_products)
                        SELECT category_id, actual FROM drifted
                        ON CONFLICT (category_id) DO UPDATE SET active_products = excluded.active_products
                        RETURNING 1
                    )
                    SELECT count(*) INTO corrected FROM corrected_rows;
                    RETURN corrected;
                END
                $$;

                SELECT rebuild_category_product_counts();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION rebuild_category_product_counts();
                DROP FUNCTION category_product_count_drift();
                """);
            migrationBuilder.Sql(CounterFunction(clampAtZero: false));
        }

        /// <summary>The trigger function of AddCategoryProductCounts, with or without the clamp at zero.</summary>
        private static string CounterFunction(bool clampAtZero) => $$"""
            CREATE OR REPLACE FUNCTION count_active_products() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                categories integer[];
                changes integer[];
            BEGIN
                IF TG_OP = 'TRUNCATE' THEN
                    DELETE FROM category_product_counts;
                    RETURN NULL;
                END IF;

                -- The statement's net change of active products per category, in category order.
                IF TG_OP = 'INSERT' THEN
                    SELECT array_agg(category_id ORDER BY category_id), array_agg(change ORDER BY category_id)
                    INTO categories, changes
                    FROM (SELECT category_id, count(*)::integer AS change FROM new_rows WHERE is_active GROUP BY category_id) AS net;
                ELSIF TG_OP = 'DELETE' THEN
                    SELECT array_agg(category_id ORDER BY category_id), array_agg(change ORDER BY category_id)
                    INTO categories, changes
                    FROM (SELECT category_id, -count(*)::integer AS change FROM old_rows WHERE is_active GROUP BY category_id) AS net;
                ELSE
                    SELECT array_agg(category_id ORDER BY category_id), array_agg(change ORDER BY category_id)
                    INTO categories, changes
                    FROM (
                        SELECT category_id, sum(change)::integer AS change
                        FROM (
                            SELECT category_id, 1 AS change FROM new_rows WHERE is_active
                            UNION ALL
                            SELECT category_id, -1 FROM old_rows WHERE is_active
                        ) AS moves
                        GROUP BY category_id
                        HAVING sum(change) <> 0
                    ) AS net;
                END IF;

                -- One counter at a time in category order, so that concurrent statements lock them in
                -- the same order and cannot deadlock.
                FOR i IN 1 .. coalesce(array_length(categories, 1), 0) LOOP
                    INSERT INTO category_product_counts AS counts (category_id, active_products)
                    VALUES (categories[i], greatest(changes[i], 0))
                    ON CONFLICT (category_id) DO UPDATE SET active_products = {{(clampAtZero
                        ? "greatest(counts.active_products + changes[i], 0)"
                        : "counts.active_products + changes[i]")}};
                END LOOP;
                RETURN NULL;
            END
            $$;
            """;
    }
}
