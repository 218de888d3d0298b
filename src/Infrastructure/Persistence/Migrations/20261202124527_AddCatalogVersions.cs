using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ecommerce.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Keeps a version per table in <c>catalog_versions</c> that grows with every statement that
    /// writes <c>products</c> or <c>categories</c>, in the same transaction as the change: the tag
    /// of a list or of the tree is that version, so a conditional read is answered from a few small
    /// rows instead of the list. The version is the sum of 16 slots per table; a writer bumps the
    /// slot of its backend, so concurrent writers rarely wait on the same row. A sequence would
    /// take no row lock at all, but its value moves before the change commits: a reader could take
    /// the new value with the old rows and keep answering 304 for data it never sent. The table is
    /// read with SQL and is not part of the EF Core model.
    /// </summary>
    public partial class AddCatalogVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE catalog_versions (
                    table_name text NOT NULL,
                    slot smallint NOT NULL,
                    version bigint NOT NULL DEFAULT 0,
                    CONSTRAINT pk_catalog_versions PRIMARY KEY (table_name, slot)
                );

                INSERT INTO catalog_versions (table_name, slot)
                SELECT table_name, slot FROM unnest(ARRAY['products', 'categories']) AS table_name, generate_series(0, 15) AS slot;

                CREATE FUNCTION bump_catalog_version() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE catalog_versions SET version = version + 1
                    WHERE table_name = TG_TABLE_NAME AND slot = pg_backend_pid() % 16;
                    RETURN NULL;
                END
                $$;

                CREATE TRIGGER bump_products_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON products
                    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
                CREATE TRIGGER bump_categories_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON categories
                    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER bump_categories_version ON categories;
                DROP TRIGGER bump_products_version ON products;
                DROP FUNCTION bump_catalog_version();
                DROP TABLE catalog_versions;
                """);
        }
    }
}
