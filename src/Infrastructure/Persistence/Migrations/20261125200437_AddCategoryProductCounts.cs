using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ecommerce.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Keeps the number of active products of each category in <c>category_product_counts</c>, so that
    /// the total of an unfiltered category list is a sum over the subtree's categories rather than a
    /// count over its products, whose cost grows with the catalog. Statement-level triggers on
    /// <c>products</c> maintain it in the same transaction as the change. The table is read with SQL
    /// and is not part of the EF Core model.
    /// </summary>
    public partial class AddCategoryProductCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE category_product_counts (
                    category_id integer NOT NULL,
                    active_products integer NOT NULL,
                    CONSTRAINT pk_category_product_counts PRIMARY KEY (category_id),
                    CONSTRAINT fk_category_product_counts_category_id FOREIGN KEY (category_id)
                        REFERENCES categories (id) ON DELETE CASCADE,
                    CONSTRAINT ck_category_product_counts_non_negative CHECK (active_products >= 0)
                );

                INSERT INTO category_product_counts (category_id, active_products)
                SELECT category_id, count(*) FROM products WHERE is_active GROUP BY category_id;

                CREATE FUNCTION count_active_products() RETURNS trigger LANGUAGE plpgsql AS $$
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
                        ON CONFLICT (category_id) DO UPDATE SET active_products = counts.active_products + changes[i];
                    END LOOP;
                    RETURN NULL;
                END
                $$;

                CREATE TRIGGER count_inserted_products AFTER INSERT ON products
                    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION count_active_products();
                CREATE TRIGGER count_updated_products AFTER UPDATE ON products
                    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION count_active_products();
                CREATE TRIGGER count_deleted_products AFTER DELETE ON products
                    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION count_active_products();
                CREATE TRIGGER count_truncated_products AFTER TRUNCATE ON products
                    FOR EACH STATEMENT EXECUTE FUNCTION count_active_products();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER count_truncated_products ON products;
                DROP TRIGGER count_deleted_products ON products;
                DROP TRIGGER count_updated_products ON products;
                DROP TRIGGER count_inserted_products ON products;
                DROP FUNCTION count_active_products();
                DROP TABLE category_product_counts;
                """);
        }
    }
}
