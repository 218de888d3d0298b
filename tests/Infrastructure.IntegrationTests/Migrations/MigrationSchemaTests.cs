using Ecommerce.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Infrastructure.IntegrationTests.Migrations;

public sealed class MigrationSchemaTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Migrating_an_empty_database_to_head_creates_exactly_the_designed_schema()
    {
        await using (var context = CatalogContexts.Create(database.ConnectionString))
        {
            await context.Database.MigrateAsync();
        }

        var schema = await DatabaseSchema.ReadAsync(database.ConnectionString);

        Assert.Equal(ExpectedSchema.Tables, Facts(schema, "table "));
        Assert.Equal(ExpectedSchema.Columns, Facts(schema, "column "));
        Assert.Equal(ExpectedSchema.Indexes, Facts(schema, "index ").Select(line => line[..line.IndexOf(':', StringComparison.Ordinal)]));
        Assert.Equal(ExpectedSchema.Constraints, Facts(schema, "constraint "));
        Assert.Equal(ExpectedSchema.Triggers, schema.Where(line => line.StartsWith("function ", StringComparison.Ordinal) || line.StartsWith("trigger ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("ix_categories_slug", "USING btree (slug)")]
    [InlineData("ix_products_slug", "USING btree (slug)")]
    [InlineData("ix_products_category_id", "USING btree (category_id)")]
    [InlineData("ix_categories_parent_id", "USING btree (parent_id)")]
    [InlineData("ix_products_name_trgm", "USING gin (name gin_trgm_ops)")]
    [InlineData("ix_products_search_vector", "USING gin (search_vector) WHERE is_active")]
    [InlineData("ix_search_words_word_trgm", "USING gin (word gin_trgm_ops)")]
    [InlineData("ix_search_words_word_prefix", "USING btree (word text_pattern_ops)")]
    [InlineData("ix_products_name_document", "USING gin (catalog_name_document((name)::text)) WHERE is_active")]
    [InlineData("ix_products_active_name_id", "USING btree (name, id) WHERE is_active")]
    [InlineData("ix_products_active_price_id", "USING btree (price, id) WHERE is_active")]
    [InlineData("ix_products_active_rating_id", "USING btree (rating, id) WHERE is_active")]
    [InlineData("ix_products_active_created_at_id", "USING btree (created_at, id) WHERE is_active")]
    public async Task Indexes_cover_the_columns_the_queries_filter_on(string index, string definition)
    {
        await using (var context = CatalogContexts.Create(database.ConnectionString))
        {
            await context.Database.MigrateAsync();
        }

        var schema = await DatabaseSchema.ReadAsync(database.ConnectionString);

        var line = Assert.Single(schema, fact => fact.StartsWith($"index {index} ", StringComparison.Ordinal));
        Assert.EndsWith(definition, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_row_version_is_postgres_xmin_not_a_column_of_our_own()
    {
        await using var context = CatalogContexts.Create(database.ConnectionString);
        await context.Database.MigrateAsync();

        var version = context.Model.FindEntityType(typeof(Domain.Catalog.Product))!.FindProperty(nameof(Domain.Catalog.Product.Version))!;

        Assert.Equal("xmin", version.GetColumnName());
        Assert.True(version.IsConcurrencyToken);
        Assert.DoesNotContain(await DatabaseSchema.ReadAsync(database.ConnectionString), fact => fact.Contains("xmin", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Facts(IEnumerable<string> schema, string kind) =>
        schema.Where(line => line.StartsWith(kind, StringComparison.Ordinal));
}
