namespace Ecommerce.Infrastructure.IntegrationTests.Search;

/// <summary>
/// The last word of a query is a prefix, looked up as the lexicon's words that it starts when they are few
/// and as a prefix term when they are many: both ways find the same products.
/// </summary>
public sealed class SearchPrefixTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    /// <summary>Seventeen model codes that start with "quasar", one more than a prefix is spelled out into.</summary>
    private const int Models = 17;

    public async Task InitializeAsync()
    {
        await SearchCatalog.MigrateAsync(database);
        if (await database.ScalarAsync<long>("SELECT count(*) FROM products") > 0)
        {
            return;
        }

        await database.ExecuteAsync("""
            INSERT INTO categories (id, name, slug, is_active, created_at, updated_at) VALUES (1, 'All', 'all', TRUE, now(), now());
            INSERT INTO products (name, slug, description, price, stock, category_id, is_active, created_at, updated_at)
            SELECT 'Lamp quasar' || model, 'lamp-' || model, 'A lamp.', 10, 1, 1, TRUE, now(), now()
            FROM generate_series(10, 26) AS model;
            INSERT INTO products (name, slug, description, price, stock, category_id, is_active, created_at, updated_at)
            VALUES ('Quokka Plush', 'quokka', 'Soft.', 10, 1, 1, TRUE, now(), now()),
                   ('Desk Lamp', 'desk-lamp', 'Lights a quiet corner.', 10, 1, 1, TRUE, now(), now());
            """);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("quasar", 17)]      // 17 completions: looked up as a prefix term
    [InlineData("lamp quasar", 17)]
    [InlineData("quasar12", 1)]      // the word itself, no other completion
    [InlineData("quok", 1)]          // one completion, spelled out
    [InlineData("lamp qu", 18)]      // two letters: always a prefix term; quasar… and quiet
    [InlineData("lamp qui", 1)]      // three letters: spelled out, in the description
    public async Task A_prefix_finds_every_word_it_starts(string q, int expected)
    {
        var result = await SearchCatalog.SearchAsync(database.ConnectionString, q);

        Assert.Equal(expected, result.Total);
    }

    [Fact]
    public async Task A_prefix_with_few_completions_is_spelled_out_as_words_and_one_with_many_stays_a_prefix()
    {
        var few = await database.ScalarAsync<string>("SELECT exact::text FROM catalog_search_terms('lamp quok')");
        var many = await database.ScalarAsync<string>("SELECT exact::text FROM catalog_search_terms('lamp quasar')");

        Assert.Equal("'lamp' & ( 'quok' | 'quokka' )", few);
        Assert.Equal("'lamp' & 'quasar':*", many);
        Assert.Equal(Models, await database.ScalarAsync<long>("SELECT count(*) FROM search_words WHERE word LIKE 'quasar%'"));
    }
}
