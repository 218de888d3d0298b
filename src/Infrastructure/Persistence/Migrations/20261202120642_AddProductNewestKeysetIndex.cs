using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ecommerce.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Keyset pages of active products, newest first (<c>sort=newest</c>, read backwards).
    /// Built <c>CONCURRENTLY</c> outside a transaction, so that writes go on while it is built; a run cut
    /// short leaves an invalid index, which the next run drops and builds again (docs/migrations.md).
    /// </summary>
    public partial class AddProductNewestKeysetIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_products_active_created_at_id", suppressTransaction: true);
            migrationBuilder.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_products_active_created_at_id ON products (created_at, id) WHERE is_active", suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_products_active_created_at_id", suppressTransaction: true);
        }
    }
}
