using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ecommerce.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Byte-order ranges over <c>search_words</c>, whatever the database's collation: the words that
    /// start with the last word of a query, which the search then looks up one by one instead of as a
    /// prefix (docs/search.md). Built <c>CONCURRENTLY</c>: writers of new words go on meanwhile.
    /// </summary>
    public partial class AddSearchWordsPrefixIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_search_words_word_prefix", suppressTransaction: true);
            migrationBuilder.Sql(
                "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_search_words_word_prefix ON search_words (word text_pattern_ops)",
                suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_search_words_word_prefix", suppressTransaction: true);
        }
    }
}
