using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ecommerce.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Makes the database enforce the rules of the category tree (docs/catalog-api.md), so that they
    /// hold when two requests race, not only when each handler's check runs alone:
    /// an active category's parent and an active product's category are active, a category is never
    /// its own ancestor, and a category is deactivated only when nothing active hangs under it.
    /// Transaction-scoped advisory locks order the racing writes without touching any row:
    /// <list type="bullet">
    /// <item>(<c>1</c>, category id) "membership": whoever puts something active under a category
    /// holds it shared; deactivating the category takes it exclusively, so it waits for those writes
    /// to commit and then sees them, and a later write waits for the deactivation and then sees it.</item>
    /// <item>(<c>2</c>, 0) "tree": moves of a category to another parent take it exclusively, so each
    /// looks for a cycle in the tree as the previous move left it.</item>
    /// </list>
    /// Each check runs in its own statement, after its lock, so under READ COMMITTED it sees what the
    /// writes it waited for committed. Violations are reported as check violations named after the
    /// rule, which the service maps to the same errors its handlers give.
    /// </summary>
    public partial class EnforceCatalogTreeRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION enforce_category_rules() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.is_active AND NEW.parent_id IS NOT NULL
                       AND (TG_OP = 'INSERT' OR NEW.parent_id IS DISTINCT FROM OLD.parent_id OR NOT OLD.is_active) THEN
                        PERFORM pg_advisory_xact_lock_shared(1, NEW.parent_id);
                        IF NOT EXISTS (SELECT 1 FROM categories WHERE id = NEW.parent_id AND is_active) THEN
                            RAISE EXCEPTION 'category % cannot hang under % which is not an active category', NEW.id, NEW.parent_id
                                USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_categories_parent_active', TABLE = 'categories';
                        END IF;
                    END IF;

                    IF TG_OP = 'UPDATE' AND NEW.parent_id IS NOT NULL AND NEW.parent_id IS DISTINCT FROM OLD.parent_id THEN
                        PERFORM pg_advisory_xact_lock(2, 0);
                        IF EXISTS (
                            WITH RECURSIVE lineage AS (
                                SELECT id, parent_id FROM categories WHERE id = NEW.parent_id
                                UNION
                                SELECT parent.id, parent.parent_id FROM categories parent JOIN lineage child ON parent.id = child.parent_id
                            )
                            SELECT 1 FROM lineage WHERE id = NEW.id
                        ) THEN
                            RAISE EXCEPTION 'category % cannot move under its own descendant %', NEW.id, NEW.parent_id
                                USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_categories_acyclic', TABLE = 'categories';
                        END IF;
                    END IF;

                    IF TG_OP = 'UPDATE' AND OLD.is_active AND NOT NEW.is_active THEN
                        PERFORM pg_advisory_xact_lock(1, NEW.id);
                        IF EXISTS (SELECT 1 FROM categories WHERE parent_id = NEW.id AND is_active) THEN
                            RAISE EXCEPTION 'category % still has active subcategories', NEW.id
                                USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_categories_no_active_children', TABLE = 'categories';
                        END IF;
                        IF EXISTS (SELECT 1 FROM products WHERE category_id = NEW.id AND is_active) THEN
                            RAISE EXCEPTION 'category % still has active products', NEW.id
                                USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_categories_no_active_products', TABLE = 'categories';
                        END IF;
                    END IF;
                    RETURN NEW;
                END
                $$;

                CREATE FUNCTION enforce_product_rules() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_advisory_xact_lock_shared(1, NEW.category_id);
                    IF NOT EXISTS (SELECT 1 FROM categories WHERE id = NEW.category_id AND is_active) THEN
                        RAISE EXCEPTION 'product % cannot be in % which is not an active category', NEW.id, NEW.category_id
                            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_products_category_active', TABLE = 'products';
                    END IF;
                    RETURN NEW;
                END
                $$;

                -- The WHEN clauses keep the functions out of writes that cannot break a rule (a price change, say).
                CREATE TRIGGER enforce_category_rules_on_insert BEFORE INSERT ON categories
                    FOR EACH ROW WHEN (NEW.is_active AND NEW.parent_id IS NOT NULL) EXECUTE FUNCTION enforce_category_rules();
                CREATE TRIGGER enforce_category_rules_on_update BEFORE UPDATE OF parent_id, is_active ON categories
                    FOR EACH ROW WHEN (NEW.parent_id IS DISTINCT FROM OLD.parent_id OR NEW.is_active IS DISTINCT FROM OLD.is_active)
                    EXECUTE FUNCTION enforce_category_rules();
                CREATE TRIGGER enforce_product_rules_on_insert BEFORE INSERT ON products
                    FOR EACH ROW WHEN (NEW.is_active) EXECUTE FUNCTION enforce_product_rules();
                CREATE TRIGGER enforce_product_rules_on_update BEFORE UPDATE OF category_id, is_active ON products
                    FOR EACH ROW WHEN (NEW.is_active AND (NEW.category_id <> OLD.category_id OR NOT OLD.is_active))
                    EXECUTE FUNCTION enforce_product_rules();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER enforce_product_rules_on_update ON products;
                DROP TRIGGER enforce_product_rules_on_insert ON products;
                DROP TRIGGER enforce_category_rules_on_update ON categories;
                DROP TRIGGER enforce_category_rules_on_insert ON categories;
                DROP FUNCTION enforce_product_rules();
                DROP FUNCTION enforce_category_rules();
                """);
        }
    }
}
