using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ecommerce.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Keyset pages of active products by rating (<c>sort=rating</c> and <c>-rating</c>).
    /// Built <c>CONCURRENTLY</c> outside a transaction, so that writes go on while it is built; a run cut
    /// short leaves an invalid index, which the next run drops and builds again (docs/migrations.md).
    /// </summary>
    public partial class AddProductRatingKeysetIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_products_active_rating_id", suppressTransaction: true);
            migrationBuilder.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_products_active_rating_id ON products (rating, id) WHERE is_active", suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_products_active_rating_id", suppressTransaction: true);
        }
    }
}
