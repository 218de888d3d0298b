namespace Ecommerce.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// The rules of the category tree as the database enforces them, including the interleavings two
/// racing transactions can take: the second one waits for the first and then sees what it committed.
/// </summary>
public sealed class CatalogRuleEnforcementTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var context = CatalogContexts.Create(database.ConnectionString);
        await context.Database.MigrateAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_active_product_needs_an_active_category()
    {
        var inactive = await CategoryAsync("inactive", active: false);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => database.ExecuteAsync(ProductInsert("orphan", inactive)));

        Assert.Equal(("23514", "ck_products_category_active"), (refused.SqlState, refused.ConstraintName));
    }

    [Fact]
    public async Task An_active_category_needs_an_active_parent()
    {
        var inactive = await CategoryAsync("inactive-parent", active: false);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => CategoryAsync("child-of-inactive", parentId: inactive));

        Assert.Equal("ck_categories_parent_active", refused.ConstraintName);
    }

    [Fact]
    public async Task A_category_cannot_be_moved_under_its_own_descendant()
    {
        var top = await CategoryAsync("loop-top");
        var middle = await CategoryAsync("loop-middle", parentId: top);
        var bottom = await CategoryAsync("loop-bottom", parentId: middle);

        var refused = await Assert.ThrowsAsync<PostgresException>(
            () => database.ExecuteAsync($"UPDATE categories SET parent_id = {bottom} WHERE id = {top}"));

        Assert.Equal("ck_categories_acyclic", refused.ConstraintName);
    }

    [Fact]
    public async Task A_category_with_active_children_or_products_stays_active()
    {
        var parent = await CategoryAsync("busy-parent");
        await CategoryAsync("busy-child", parentId: parent);
        var shelf = await CategoryAsync("busy-shelf");
        await database.ExecuteAsync(ProductInsert("busy-product", shelf));

        var withChild = await Assert.ThrowsAsync<PostgresException>(() => Deactivate(parent));
        var withProduct = await Assert.ThrowsAsync<PostgresException>(() => Deactivate(shelf));

        Assert.Equal("ck_categories_no_active_children", withChild.ConstraintName);
        Assert.Equal("ck_categories_no_active_products", withProduct.ConstraintName);
    }

    [Fact]
    public async Task Two_moves_that_would_close_a_loop_are_serialized_and_the_second_is_refused()
    {
        var a = await CategoryAsync("race-a");
        var b = await CategoryAsync("race-b");
        await using var first = await OpenAsync();
        await using var second = await OpenAsync();
        await using var firstTransaction = await first.BeginTransactionAsync();
        await using var secondTransaction = await second.BeginTransactionAsync();

        await ExecuteAsync(first, firstTransaction, $"UPDATE categories SET parent_id = {b} WHERE id = {a}");
        var secondMove = ExecuteAsync(second, secondTransaction, $"UPDATE categories SET parent_id = {a} WHERE id = {b}");
        await Task.Delay(300);
        Assert.False(secondMove.IsCompleted, "The second move did not wait for the first.");
        await firstTransaction.CommitAsync();

        var refused = await Assert.ThrowsAsync<PostgresException>(() => secondMove);
        Assert.Equal("ck_categories_acyclic", refused.ConstraintName);
    }

    [Fact]
    public async Task A_deactivation_waits_for_a_product_being_added_and_then_sees_it()
    {
        var shelf = await CategoryAsync("shelf-first-insert");
        await using var writer = await OpenAsync();
        await using var admin = await OpenAsync();
        await using var insert = await writer.BeginTransactionAsync();
        await using var delete = await admin.BeginTransactionAsync();

        await ExecuteAsync(writer, insert, ProductInsert("arriving", shelf));
        var deactivation = ExecuteAsync(admin, delete, $"UPDATE categories SET is_active = FALSE WHERE id = {shelf}");
        await Task.Delay(300);
        Assert.False(deactivation.IsCompleted, "The deactivation did not wait for the product being added.");
        await insert.CommitAsync();

        var refused = await Assert.ThrowsAsync<PostgresException>(() => deactivation);
        Assert.Equal("ck_categories_no_active_products", refused.ConstraintName);
    }

    [Fact]
    public async Task A_product_added_during_a_deactivation_waits_for_it_and_is_refused()
    {
        var shelf = await CategoryAsync("shelf-first-delete");
        await using var writer = await OpenAsync();
        await using var admin = await OpenAsync();
        await using var delete = await admin.BeginTransactionAsync();
        await using var insert = await writer.BeginTransactionAsync();

        await ExecuteAsync(admin, delete, $"UPDATE categories SET is_active = FALSE WHERE id = {shelf}");
        var arriving = ExecuteAsync(writer, insert, ProductInsert("too-late", shelf));
        await Task.Delay(300);
        Assert.False(arriving.IsCompleted, "The product did not wait for the deactivation.");
        await delete.CommitAsync();

        var refused = await Assert.ThrowsAsync<PostgresException>(() => arriving);
        Assert.Equal("ck_products_category_active", refused.ConstraintName);
    }

    [Fact]
    public async Task A_subcategory_added_during_a_deactivation_of_its_parent_is_refused()
    {
        var parent = await CategoryAsync("parent-first-delete");
        await using var writer = await OpenAsync();
        await using var admin = await OpenAsync();
        await using var delete = await admin.BeginTransactionAsync();
        await using var insert = await writer.BeginTransactionAsync();

        await ExecuteAsync(admin, delete, $"UPDATE categories SET is_active = FALSE WHERE id = {parent}");
        var arriving = ExecuteAsync(writer, insert, CategoryInsert("late-child", parent, active: true));
        await Task.Delay(300);
        Assert.False(arriving.IsCompleted, "The subcategory did not wait for the deactivation of its parent.");
        await delete.CommitAsync();

        var refused = await Assert.ThrowsAsync<PostgresException>(() => arriving);
        Assert.Equal("ck_categories_parent_active", refused.ConstraintName);
    }

    [Fact]
    public async Task Writes_that_cannot_break_a_rule_take_no_lock_of_the_rules()
    {
        var shelf = await CategoryAsync("calm-shelf");
        await database.ExecuteAsync(ProductInsert("calm", shelf));
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        await ExecuteAsync(connection, transaction, "UPDATE products SET price = price + 1 WHERE slug = 'calm'");

        await using var locks = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()", connection, transaction);
        Assert.Equal(0L, (long)(await locks.ExecuteScalarAsync())!);
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
    }

    private Task Deactivate(int categoryId) => database.ExecuteAsync($"UPDATE categories SET is_active = FALSE WHERE id = {categoryId}");

    private Task<int> CategoryAsync(string slug, int? parentId = null, bool active = true) =>
        database.ScalarAsync<int>(CategoryInsert(slug, parentId, active) + " RETURNING id");

    private static string CategoryInsert(string slug, int? parentId, bool active) => $"""
        INSERT INTO categories (name, slug, parent_id, is_active, created_at, updated_at)
        VALUES ('{slug}', '{slug}', {parentId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "NULL"}, {active}, now(), now())
        """;

    private static string ProductInsert(string slug, int categoryId) => $"""
        INSERT INTO products (name, slug, price, stock, category_id, created_at, updated_at)
        VALUES ('{slug}', '{slug}', 1, 1, {categoryId}, now(), now())
        """;
}
