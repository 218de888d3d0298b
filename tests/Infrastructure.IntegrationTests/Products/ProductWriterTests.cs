using Ecommerce.Application.Abstractions;
using Ecommerce.Application.Common.Concurrency;
using Ecommerce.Application.Common.Rules;
using Ecommerce.Application.Products;
using Ecommerce.Domain.Catalog;
using Ecommerce.Infrastructure.Persistence.Products;

namespace Ecommerce.Infrastructure.IntegrationTests.Products;

/// <summary>Product writes in one statement, with PostgreSQL's refusals read as the handlers need them.</summary>
public sealed class ProductWriterTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 12, 2, 10, 30, 15, 123456 / 1000, DateTimeKind.Utc);

    public async Task InitializeAsync()
    {
        await using var context = CatalogContexts.Create(database.ConnectionString);
        await context.Database.MigrateAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_insert_writes_every_field_and_answers_the_rows_id_and_version()
    {
        var category = await CategoryAsync();
        await using var context = CatalogContexts.Create(database.ConnectionString);
        var product = Product.Create(
            new ProductDetails(" Lamp ", " A lamp ", 12.5m, "https://cdn.example.com/lamp.png", 3, category), Slug.From(UniqueSlug()), Now);

        var written = await Writer(context).InsertAsync(product, CancellationToken.None);

        var keys = Assert.IsType<ProductKeys>(written.Row);
        Assert.True(written.Outcome.IsSaved);
        Assert.Equal(
            $"{keys.Id}|{keys.Version}|Lamp|A lamp|12.50|https://cdn.example.com/lamp.png|3|{category}|0.00|t|{product.Slug}|t",
            await database.ScalarAsync<string>($"""
                SELECT concat_ws('|', id, xmin, name, description, price, image_url, stock, category_id, rating, is_active, slug,
                    created_at = timestamptz '2026-12-02 10:30:15.123Z' AND updated_at = created_at)
                FROM products WHERE slug = '{product.Slug}'
                """));
    }

    [Fact]
    public async Task A_taken_slug_and_an_inactive_or_missing_category_are_refusals_that_write_nothing()
    {
        var category = await CategoryAsync();
        var inactive = await CategoryAsync(active: false);
        var taken = UniqueSlug();
        await using var context = CatalogContexts.Create(database.ConnectionString);
        var writer = Writer(context);
        Assert.True((await writer.InsertAsync(New(taken, category), CancellationToken.None)).Outcome.IsSaved);

        var slugTaken = await writer.InsertAsync(New(taken, category), CancellationToken.None);
        var inactiveCategory = await writer.InsertAsync(New(UniqueSlug(), inactive), CancellationToken.None);
        var missingCategory = await writer.InsertAsync(New(UniqueSlug(), 987654), CancellationToken.None);

        Assert.Equal(SaveOutcome.UniqueViolation, slugTaken.Outcome);
        Assert.Equal(SaveOutcome.Broke(CatalogRule.ProductCategoryIsActive), inactiveCategory.Outcome);
        Assert.Equal(SaveOutcome.Broke(CatalogRule.ProductCategoryIsActive), missingCategory.Outcome);
        Assert.Null(slugTaken.Row);
        Assert.Equal(0L, await database.ScalarAsync<long>($"SELECT count(*) FROM products WHERE category_id IN ({inactive}, 987654)"));
    }

    [Fact]
    public async Task In_a_transaction_a_refused_write_rolls_back_to_its_savepoint_and_the_transaction_goes_on()
    {
        var category = await CategoryAsync();
        var taken = UniqueSlug();
        var later = UniqueSlug();
        await using var context = CatalogContexts.Create(database.ConnectionString);
        var writer = Writer(context);
        Assert.True((await writer.InsertAsync(New(taken, category), CancellationToken.None)).Outcome.IsSaved);

        await using (var transaction = await context.Database.BeginTransactionAsync())
        {
            Assert.Equal(SaveOutcome.UniqueViolation, (await writer.InsertAsync(New(taken, category), CancellationToken.None)).Outcome);
            Assert.True((await writer.InsertAsync(New(later, category), CancellationToken.None)).Outcome.IsSaved);
            Assert.Equal(0L, await database.ScalarAsync<long>($"SELECT count(*) FROM products WHERE slug = '{later}'"));
            await transaction.CommitAsync();
        }

        Assert.Equal(1L, await database.ScalarAsync<long>($"SELECT count(*) FROM products WHERE slug = '{later}'"));
    }

    [Fact]
    public async Task An_update_applies_the_revision_in_place_keeps_an_absent_slug_and_answers_the_row()
    {
        var category = await CategoryAsync();
        var other = await CategoryAsync();
        var slug = UniqueSlug();
        await using var context = CatalogContexts.Create(database.ConnectionString);
        var writer = Writer(context);
        var created = (await writer.InsertAsync(New(slug, category), CancellationToken.None)).Row!;

        var revision = Product.Revise(new ProductDetails(" Desk Lamp ", null, 25m, null, 0, other), null, Now.AddMinutes(1));
        var written = await writer.UpdateAsync(created.Id, revision, VersionPrecondition.OneOf([created.Version]), CancellationToken.None);

        var row = Assert.IsType<ProductDto>(written.Row);
        Assert.Equal((created.Id, "Desk Lamp", slug, (string?)null, 0, other, Now, Now.AddMinutes(1), true),
            (row.Id, row.Name, row.Slug, row.Description, row.Stock, row.CategoryId, row.CreatedAt, row.UpdatedAt, row.IsActive));
        Assert.Equal("25", row.Price.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(row.Version, await database.ScalarAsync<long>($"SELECT xmin::text::bigint FROM products WHERE id = {created.Id}"));
        Assert.NotEqual(created.Version, row.Version);
        Assert.Equal("Desk Lamp|25.00", await database.ScalarAsync<string>($"SELECT name || '|' || price FROM products WHERE id = {created.Id}"));
    }

    [Fact]
    public async Task An_update_of_another_version_is_a_stale_row_and_of_a_missing_or_inactive_product_a_missing_row()
    {
        var category = await CategoryAsync();
        await using var context = CatalogContexts.Create(database.ConnectionString);
        var writer = Writer(context);
        var created = (await writer.InsertAsync(New(UniqueSlug(), category), CancellationToken.None)).Row!;
        var deleted = (await writer.InsertAsync(New(UniqueSlug(), category), CancellationToken.None)).Row!;
        await database.ExecuteAsync($"UPDATE products SET is_active = FALSE WHERE id = {deleted.Id}");
        var revision = Product.Revise(new ProductDetails("Renamed", null, 1m, null, 1, category), null, Now);

        Task<SaveOutcome> OutcomeAsync(int id, VersionPrecondition? precondition) =>
            writer.UpdateAsync(id, revision, precondition, CancellationToken.None).ContinueWith(task => task.Result.Outcome, TaskScheduler.Default);

        Assert.Equal(SaveOutcome.StaleRow, await OutcomeAsync(created.Id, VersionPrecondition.OneOf([created.Version + 1])));
        Assert.Equal(SaveOutcome.StaleRow, await OutcomeAsync(created.Id, VersionPrecondition.None));
        Assert.Equal(SaveOutcome.RowMissing, await OutcomeAsync(deleted.Id, VersionPrecondition.OneOf([deleted.Version])));
        Assert.Equal(SaveOutcome.RowMissing, await OutcomeAsync(deleted.Id, null));
        Assert.Equal(SaveOutcome.RowMissing, await OutcomeAsync(987654, VersionPrecondition.Any));
        Assert.Equal(0L, await database.ScalarAsync<long>($"SELECT count(*) FROM products WHERE id IN ({created.Id}, {deleted.Id}) AND name = 'Renamed'"));

        Assert.True((await OutcomeAsync(created.Id, VersionPrecondition.OneOf([3, created.Version]))).IsSaved);
        Assert.True((await OutcomeAsync(created.Id, VersionPrecondition.Any)).IsSaved);
    }

    [Fact]
    public async Task An_update_to_a_taken_slug_or_an_inactive_category_is_refused_and_changes_nothing()
    {
        var category = await CategoryAsync();
        var inactive = await CategoryAsync(active: false);
        var taken = UniqueSlug();
        await using var context = CatalogContexts.Create(database.ConnectionString);
        var writer = Writer(context);
        await writer.InsertAsync(New(taken, category), CancellationToken.None);
        var created = (await writer.InsertAsync(New(UniqueSlug(), category), CancellationToken.None)).Row!;

        var slugTaken = await writer.UpdateAsync(
            created.Id, Product.Revise(Details(category), Slug.From(taken), Now), null, CancellationToken.None);
        var inactiveCategory = await writer.UpdateAsync(
            created.Id, Product.Revise(Details(inactive), null, Now), null, CancellationToken.None);

        Assert.Equal(SaveOutcome.UniqueViolation, slugTaken.Outcome);
        Assert.Equal(SaveOutcome.Broke(CatalogRule.ProductCategoryIsActive), inactiveCategory.Outcome);
        Assert.Equal(created.Version, await database.ScalarAsync<long>($"SELECT xmin::text::bigint FROM products WHERE id = {created.Id}"));
    }

    private static ProductWriter Writer(CatalogDbContext context) => new(context, ProductWriteSql.From(context.Model));

    private static ProductDetails Details(int categoryId) => new("Lamp", null, 10m, null, 1, categoryId);

    private static Product New(string slug, int categoryId) => Product.Create(Details(categoryId), Slug.From(slug), Now);

    private static string UniqueSlug() => "writer-" + Guid.NewGuid().ToString("N")[..12];

    private Task<int> CategoryAsync(bool active = true) => database.ScalarAsync<int>($"""
        INSERT INTO categories (name, slug, is_active, created_at, updated_at)
        VALUES ('Shelf', '{UniqueSlug()}', {active}, now(), now()) RETURNING id
        """);
}
