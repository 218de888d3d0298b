using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ecommerce.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Keyset pages of active products by price (<c>sort=price</c> and <c>-price</c>), and price ranges
    /// with their capped totals read from the index alone.
    /// Built <c>CONCURRENTLY</c> outside a transaction, so that writes go on while it is built; a run cut
    /// short leaves an invalid index, which the next run drops and builds again (docs/migrations.md).
    /// </summary>
    public partial class AddProductPriceKeysetIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_products_active_price_id", suppressTransaction: true);
            migrationBuilder.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_products_active_price_id ON products (price, id) WHERE is_active", suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_products_active_price_id", suppressTransaction: true);
        }
    }
}
