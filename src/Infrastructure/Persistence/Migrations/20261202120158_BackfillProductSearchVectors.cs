using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ecommerce.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Fills <c>products.search_vector</c> for the rows written before <c>AddProductSearch</c>, whose
    /// trigger indexes every write since. Outside a transaction, so that the procedure commits each
    /// batch of ids and no product stays locked for longer than one batch while the previous release
    /// writes; stopped half way, it is simply run again. The lexicon follows through the update trigger.
    /// </summary>
    public partial class BackfillProductSearchVectors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CALL backfill_product_search_vectors(500)", suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: AddProductSearch's Down drops the column.
        }
    }
}
