using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ecommerce.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Keyset pages of active products by name (<c>sort=name</c>, and <c>-name</c> read backwards): the
    /// cursor's condition <c>(name, id) &gt; (@name, @id)</c> is a range of this index.
    /// Built <c>CONCURRENTLY</c> outside a transaction, so that writes go on while it is built; a run cut
    /// short leaves an invalid index, which the next run drops and builds again (docs/migrations.md).
    /// </summary>
    public partial class AddProductNameKeysetIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_products_active_name_id", suppressTransaction: true);
            migrationBuilder.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_products_active_name_id ON products (name, id) WHERE is_active", suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_products_active_name_id", suppressTransaction: true);
        }
    }
}
