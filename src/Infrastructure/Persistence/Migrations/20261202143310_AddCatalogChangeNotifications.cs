using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ecommerce.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Announces every statement that writes <c>products</c> or <c>categories</c> on the
    /// <c>catalog_changes</c> channel, the table's name as the payload. <c>NOTIFY</c> is
    /// transactional: listeners hear of the change after it commits, and never of one that rolled
    /// back; a transaction's identical notifications are sent once. Each service instance listens,
    /// and answers a revalidation from memory only while no announcement arrived since it read the
    /// row (<c>CatalogChangeListener</c>). Adding triggers is safe while the previous release serves:
    /// it neither listens nor minds the notifications.
    /// </summary>
    public partial class AddCatalogChangeNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION notify_catalog_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('catalog_changes', TG_TABLE_NAME);
                    RETURN NULL;
                END
                $$;

                CREATE TRIGGER notify_products_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON products
                    FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_change();
                CREATE TRIGGER notify_categories_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON categories
                    FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER notify_categories_change ON categories;
                DROP TRIGGER notify_products_change ON products;
                DROP FUNCTION notify_catalog_change();
                """);
        }
    }
}
