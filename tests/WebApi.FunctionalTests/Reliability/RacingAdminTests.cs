namespace Ecommerce.WebApi.FunctionalTests.Reliability;

/// <summary>
/// Two admins editing the tree at the same moment, round after round: whichever way the requests
/// interleave, the catalog's rules hold, because the database enforces them.
/// </summary>
public sealed class RacingAdminTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    private const int Rounds = 12;

    private const string Cycles = """
        WITH RECURSIVE walk AS (
            SELECT id AS start, parent_id, 1 AS depth FROM categories
            UNION ALL
            SELECT walk.start, c.parent_id, walk.depth + 1 FROM walk JOIN categories c ON c.id = walk.parent_id
            WHERE walk.depth < 1000 AND walk.parent_id <> walk.start
        )
        SELECT count(*) FROM walk WHERE parent_id = start
        """;

    private const string ActiveUnderInactive = """
        SELECT (SELECT count(*) FROM products p JOIN categories c ON c.id = p.category_id WHERE p.is_active AND NOT c.is_active)
             + (SELECT count(*) FROM categories child JOIN categories parent ON parent.id = child.parent_id
                WHERE child.is_active AND NOT parent.is_active)
        """;

    private readonly HttpClient _client = factory.CreateClient();
    private int _requests;
    private int _serverErrors;
    private int _acknowledged;
    private int _found;

    [Fact]
    public async Task Two_moves_that_together_close_a_loop_let_one_win_and_refuse_the_other()
    {
        for (var round = 1; round <= Rounds; round++)
        {
            var a = await _client.CreateCategoryAsync(Unique("Loop A"));
            var b = await _client.CreateCategoryAsync(Unique("Loop B"));

            var responses = await Race.AllAtOnceAsync(
                () => MoveAsync(a.Id, a.Name, b.Id),
                () => MoveAsync(b.Id, b.Name, a.Id));

            Assert.Single(responses, response => response.StatusCode == HttpStatusCode.OK);
            await responses.Single(response => response.StatusCode != HttpStatusCode.OK).AssertValidationErrorsAsync("parentId");
            Assert.Equal(0L, await factory.Database.ScalarAsync<long>(Cycles));
            await CheckMovesFoundAsync(responses);
        }

        Record("racing-moves-two", "Of two moves that together close a loop, one succeeds and the other gets 400; the tree stays a tree.");
    }

    [Fact]
    public async Task Three_moves_that_together_close_a_longer_loop_leave_a_tree()
    {
        for (var round = 1; round <= Rounds; round++)
        {
            var chain = new[]
            {
                await _client.CreateCategoryAsync(Unique("Ring X")),
                await _client.CreateCategoryAsync(Unique("Ring Y")),
                await _client.CreateCategoryAsync(Unique("Ring Z")),
            };

            var responses = await Race.AllAtOnceAsync(3, index =>
                MoveAsync(chain[index].Id, chain[index].Name, chain[(index + 1) % 3].Id));

            Assert.All(responses, response => Assert.Contains(response.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.BadRequest }));
            Assert.InRange(responses.Count(response => response.StatusCode == HttpStatusCode.BadRequest), 1, 3);
            Assert.Equal(0L, await factory.Database.ScalarAsync<long>(Cycles));
            await CheckMovesFoundAsync(responses);
        }

        Record("racing-moves-three", "Of three moves that together close a loop, at least one gets 400; the tree stays a tree.");
    }

    [Fact]
    public async Task Deleting_a_category_while_a_product_is_added_to_it_never_leaves_an_active_product_under_it()
    {
        for (var round = 1; round <= Rounds; round++)
        {
            var shelf = await _client.CreateCategoryAsync(Unique("Shelf"));

            var (delete, create) = await RaceDeleteAgainstAsync(shelf.Id, () =>
                _client.PostAsJsonAsync("/api/v1/products", new { name = Unique("Late"), price = 1m, stock = 1, categoryId = shelf.Id }));

            if (delete.StatusCode == HttpStatusCode.NoContent)
            {
                await create.AssertValidationErrorsAsync("categoryId");
                await CheckFoundAsync($"SELECT count(*) FROM categories WHERE id = {shelf.Id} AND NOT is_active");
            }
            else
            {
                var product = await create.ReadAsync<ProductDto>(HttpStatusCode.Created);
                await delete.AssertProblemAsync(HttpStatusCode.Conflict);
                await CheckFoundAsync($"SELECT count(*) FROM products WHERE id = {product.Id} AND is_active AND category_id = {shelf.Id}");
            }

            Assert.Equal(0L, await factory.Database.ScalarAsync<long>(ActiveUnderInactive));
        }

        Record("racing-delete-product", "A category deleted while a product is created in it: one of the two is refused; no active product under an inactive category.");
    }

    [Fact]
    public async Task Deleting_a_category_while_a_subcategory_is_added_to_it_never_leaves_an_active_child_under_it()
    {
        for (var round = 1; round <= Rounds; round++)
        {
            var parent = await _client.CreateCategoryAsync(Unique("Parent"));

            var (delete, create) = await RaceDeleteAgainstAsync(parent.Id, () =>
                _client.PostAsJsonAsync("/api/v1/categories", new { name = Unique("Late child"), parentId = parent.Id }));

            if (delete.StatusCode == HttpStatusCode.NoContent)
            {
                await create.AssertValidationErrorsAsync("parentId");
                await CheckFoundAsync($"SELECT count(*) FROM categories WHERE id = {parent.Id} AND NOT is_active");
            }
            else
            {
                var child = await create.ReadAsync<CategoryDto>(HttpStatusCode.Created);
                await delete.AssertProblemAsync(HttpStatusCode.Conflict);
                await CheckFoundAsync($"SELECT count(*) FROM categories WHERE id = {child.Id} AND is_active AND parent_id = {parent.Id}");
            }

            Assert.Equal(0L, await factory.Database.ScalarAsync<long>(ActiveUnderInactive));
        }

        Record("racing-delete-subcategory", "A category deleted while a subcategory is created in it: one of the two is refused; no active child under an inactive parent.");
    }

    private async Task<(HttpResponseMessage Delete, HttpResponseMessage Create)> RaceDeleteAgainstAsync(
        int categoryId, Func<Task<HttpResponseMessage>> create)
    {
        var responses = await Race.AllAtOnceAsync(() => Count(_client.DeleteAsync($"/api/v1/categories/{categoryId}")), () => Count(create()));
        return (responses[0], responses[1]);
    }

    private Task<HttpResponseMessage> MoveAsync(int id, string name, int parentId) =>
        Count(_client.PutAsJsonAsync($"/api/v1/categories/{id}", new { name, parentId }));

    private async Task<HttpResponseMessage> Count(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        Interlocked.Increment(ref _requests);
        if ((int)response.StatusCode >= 500)
        {
            Interlocked.Increment(ref _serverErrors);
        }

        return response;
    }

    /// <summary>Each move the API acknowledged is in the database as it answered it.</summary>
    private async Task CheckMovesFoundAsync(IEnumerable<HttpResponseMessage> responses)
    {
        foreach (var response in responses.Where(response => response.StatusCode == HttpStatusCode.OK))
        {
            var moved = await response.ReadAsync<CategoryDto>(HttpStatusCode.OK);
            await CheckFoundAsync($"SELECT count(*) FROM categories WHERE id = {moved.Id} AND parent_id = {moved.ParentId}");
        }
    }

    /// <summary>One acknowledged write, and whether its row says what the API answered (the count query finds exactly one row).</summary>
    private async Task CheckFoundAsync(string countSql)
    {
        _acknowledged++;
        var found = await factory.Database.ScalarAsync<long>(countSql);
        Assert.Equal(1L, found);
        _found++;
    }

    private void Record(string scenario, string expectation) =>
        ReliabilityLog.Record(new ReliabilityObservation(
            scenario, expectation, _requests, _serverErrors, _acknowledged, _found, Notes: $"{Rounds} rounds"));
}
