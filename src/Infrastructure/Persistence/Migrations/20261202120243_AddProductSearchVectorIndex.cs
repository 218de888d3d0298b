using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ecommerce.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// The search's word index over active products (docs/search.md). Partial: every search filters on
    /// <c>is_active</c>, which the index then answers without a look at the row.
    /// Built <c>CONCURRENTLY</c> outside a transaction, so that writes go on while it is built; a run cut
    /// short leaves an invalid index, which the next run drops and builds again (docs/migrations.md).
    /// </summary>
    public partial class AddProductSearchVectorIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_products_search_vector", suppressTransaction: true);
            migrationBuilder.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_products_search_vector ON products USING gin (search_vector) WHERE is_active", suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_products_search_vector", suppressTransaction: true);
        }
    }
}
