using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ecommerce.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// A word index over the names of active products alone (docs/search.md), for the relevance tiers
    /// that need every word in the name: looked up in <c>ix_products_search_vector</c>, a name query
    /// returns every product with the words anywhere and leaves the weights to a check of each row.
    /// <c>catalog_name_document</c> is declared <c>IMMUTABLE</c> so that it can be indexed, although
    /// <c>unaccent</c> is only <c>STABLE</c> (its rules file could change): the same stand the vector
    /// trigger takes. Built <c>CONCURRENTLY</c>, after <c>DROP INDEX CONCURRENTLY IF EXISTS</c>, so that a
    /// run cut short is built again (docs/migrations.md).
    /// </summary>
    public partial class AddProductNameSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION catalog_name_document(name text) RETURNS tsvector
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT to_tsvector('catalog'::regconfig, unaccent(name))
                $$
                """, suppressTransaction: true);
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_products_name_document", suppressTransaction: true);
            migrationBuilder.Sql(
                "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_products_name_document ON products USING gin (catalog_name_document(name)) WHERE is_active",
                suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_products_name_document", suppressTransaction: true);
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS catalog_name_document(text)", suppressTransaction: true);
        }
    }
}
