namespace Ecommerce.Infrastructure.IntegrationTests.Search;

/// <summary>What a search finds and in which order, on a small catalog written for each rule.</summary>
public sealed class SearchBehaviourTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await SearchCatalog.MigrateAsync(database);
        if (await database.ScalarAsync<long>("SELECT count(*) FROM products") > 0)
        {
            return;
        }

        await database.ExecuteAsync("""
            INSERT INTO categories (id, name, slug, is_active, created_at, updated_at) VALUES (1, 'All', 'all', TRUE, now(), now());
            INSERT INTO products (id, name, slug, description, price, stock, category_id, is_active, created_at, updated_at)
            SELECT id, name, 'p-' || id, description, 10, 1, 1, active, now(), now()
            FROM (VALUES
                (1, 'Red Wireless Phone', 'A phone for calls.', TRUE),
                (2, 'Смартфон Xiaomi Redmi', 'Тонкий корпус и яркий экран.', TRUE),
                (3, 'Café Royal Kettle', 'Boils water.', TRUE),
                (4, 'Ёлочная игрушка', 'Стеклянный шар.', TRUE),
                (5, 'Blender Pro 500', 'Crushes ice.', TRUE),
                (6, 'Kitchen Mixer', 'Works as a blender too.', TRUE),
                (7, 'Blendr Mini', 'A small one.', TRUE),
                (8, 'Superblender 3000', 'Very loud.', TRUE),
                (9, 'Food Processor', 'Comes with a blendr attachment.', TRUE),
                (10, 'Apple iPhone 15', 'The latest model.', TRUE),
                (11, '100% Cotton Shirt', 'Soft.', TRUE),
                (12, '1000 Items Shirt', 'A thousand of them.', TRUE),
                (13, 'snake_case Sticker', 'For programmers.', TRUE),
                (14, 'snakeXcase Sticker', 'A lookalike.', TRUE),
                (15, 'Path C:\temp Poster', 'Backslashes.', TRUE),
                (16, 'Blender Hidden', 'Inactive.', FALSE),
                (17, 'Blender Basic', NULL, TRUE),
                (18, 'Headphones with a Phone Cable', 'Plug.', TRUE)
            ) AS p(id, name, description, active);
            SELECT setval(pg_get_serial_sequence('products', 'id'), 100);
            """);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("phone red", "Red Wireless Phone")]
    [InlineData("wireless RED phone", "Red Wireless Phone")]
    [InlineData("смартфона", "Смартфон Xiaomi Redmi")]
    [InlineData("СМАРТФОНЫ xiaomi", "Смартфон Xiaomi Redmi")]
    [InlineData("phones", "Red Wireless Phone")]
    [InlineData("kettles", "Café Royal Kettle")]
    [InlineData("CAFE kettle", "Café Royal Kettle")]
    [InlineData("cafés", "Café Royal Kettle")]
    [InlineData("елочная", "Ёлочная игрушка")]
    [InlineData("blendr", "Blender Pro 500")]
    [InlineData("bledner pro", "Blender Pro 500")]
    [InlineData("ketlte", "Café Royal Kettle")]
    [InlineData("смартфпна", "Смартфон Xiaomi Redmi")]
    [InlineData("blend", "Blender Pro 500")]
    [InlineData("red wire", "Red Wireless Phone")]
    [InlineData("смартф", "Смартфон Xiaomi Redmi")]
    [InlineData("phon", "Apple iPhone 15")]
    [InlineData("iphone 1", "Apple iPhone 15")]
    [InlineData("100%", "100% Cotton Shirt")]
    [InlineData("snake_case", "snake_case Sticker")]
    [InlineData(@"c:\temp", @"Path C:\temp Poster")]
    public async Task A_query_finds_the_product(string q, string name)
    {
        var result = await SearchCatalog.SearchAsync(database.ConnectionString, q);

        Assert.Contains(name, result.Names);
    }

    [Theory]
    [InlineData("pho red", "Red Wireless Phone")]          // only the last word is a prefix
    [InlineData("red wire ", "Red Wireless Phone")]        // a word followed by a space is complete
    [InlineData("100%", "1000 Items Shirt")]               // % is no wildcard, and the word before it is complete
    [InlineData("snake_case", "snakeXcase Sticker")]       // _ is no wildcard
    [InlineData("blender", "Blender Hidden")]              // inactive products are never found
    [InlineData("mixr kitchen", "Kitchen Mixer")]          // typos only for words of five letters or more
    [InlineData("kettle", "Red Wireless Phone")]
    public async Task A_query_does_not_find_the_product(string q, string name)
    {
        var result = await SearchCatalog.SearchAsync(database.ConnectionString, q);

        Assert.DoesNotContain(name, result.Names);
    }

    [Fact]
    public async Task Name_matches_rank_above_description_matches_and_exact_words_above_typos()
    {
        var result = await SearchCatalog.SearchAsync(database.ConnectionString, "blender");

        Assert.Equal(
            [
                ("Blender Pro 500", 1), ("Blender Basic", 1), // every word in the name, by id
                ("Superblender 3000", 2),                     // a substring of the name
                ("Kitchen Mixer", 3),                         // in the description
                ("Blendr Mini", 4),                           // within one typo, in the name
                ("Food Processor", 5),                        // within one typo, in the description
            ],
            result.Hits.Select(hit => (hit.Name, hit.Tier)));
        Assert.Equal(6, result.Total);
    }

    [Fact]
    public async Task Cursor_pages_and_offset_pages_walk_the_same_order_without_gaps_or_repeats()
    {
        var all = await SearchCatalog.SearchAsync(database.ConnectionString, "blender");

        var walked = new List<SearchCatalog.Hit>();
        (int, int)? after = null;
        while (true)
        {
            var page = await SearchCatalog.SearchAsync(database.ConnectionString, "blender", pageSize: 2, after: after);
            walked.AddRange(page.Hits);
            if (page.Hits.Count < 2)
            {
                break;
            }

            after = (page.Hits[^1].Tier, page.Hits[^1].Id);
        }

        var offsetPages = new List<SearchCatalog.Hit>();
        for (var skip = 0; skip < all.Hits.Count + 2; skip += 2)
        {
            offsetPages.AddRange((await SearchCatalog.SearchAsync(database.ConnectionString, "blender", pageSize: 2, skip: skip)).Hits);
        }

        Assert.Equal(all.Hits, walked);
        Assert.Equal(all.Hits, offsetPages);
    }

    [Fact]
    public async Task The_total_is_counted_up_to_the_cap()
    {
        Assert.Equal(3, await database.ScalarAsync<int>(
            "SELECT catalog_search_count(t.fuzzy, t.name_pattern, NULL, NULL, NULL, NULL, 3) FROM catalog_search_terms('blender') t"));
        Assert.Equal(6, await database.ScalarAsync<int>(
            "SELECT catalog_search_count(t.fuzzy, t.name_pattern, NULL, NULL, NULL, NULL, 100) FROM catalog_search_terms('blender') t"));
    }

    [Fact]
    public async Task Filters_narrow_the_matches_and_their_total()
    {
        var inRange = await SearchCatalog.SearchAsync(database.ConnectionString, "blender", minPrice: 5m, maxPrice: 20m, categoryIds: [1], inStock: true);
        var outOfRange = await SearchCatalog.SearchAsync(database.ConnectionString, "blender", minPrice: 11m);
        var otherCategory = await SearchCatalog.SearchAsync(database.ConnectionString, "blender", categoryIds: [2]);

        Assert.Equal(6, inRange.Total);
        Assert.Empty(outOfRange.Hits);
        Assert.Equal(0, outOfRange.Total);
        Assert.Empty(otherCategory.Hits);
    }

    [Fact]
    public async Task Any_query_at_all_is_answered_without_an_error()
    {
        var random = new Random(13);
        string[] alphabet = [.. "aбc ёé1_%\\'\"&|!():*<->@#.,-/;~^$[]{}?+=`\t\nЖ漢\u0301\u00a0".Select(c => c.ToString()), "😀"];
        var queries = new List<string>
        {
            "&", "|", "!", "!!", "'", "''", "\\", "\\\\", ":*", "a:*", "(", ")", "<->", "a <-> b", "a & | b", "'a' & !b",
            "%", "%%%", "___", "\\%", "the", "and or not", new string('x', 200), new string('я', 300) + " " + new string('z', 260),
            "a:ab & b:*c", "phone:A", "1.5.6", "http://example.com/a?b=c", "user@example.com", "<b>tag</b>", "&amp;",
        };
        for (var i = 0; i < 300; i++)
        {
            queries.Add(string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => alphabet[random.Next(alphabet.Length)])));
        }

        foreach (var q in queries)
        {
            var exception = await Record.ExceptionAsync(() => SearchCatalog.SearchAsync(database.ConnectionString, q, pageSize: 5));
            Assert.True(exception is null, $"q={q}: {exception}");
        }
    }
}
