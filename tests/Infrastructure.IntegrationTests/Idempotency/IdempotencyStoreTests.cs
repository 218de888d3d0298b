using Ecommerce.Domain.Catalog;
using Ecommerce.Infrastructure.IntegrationTests.Persistence;
using Ecommerce.Infrastructure.Persistence.Idempotency;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ecommerce.Infrastructure.IntegrationTests.Idempotency;

/// <summary>Idempotency keys against a real database: atomic with the write, exclusive while held, gone when expired.</summary>
public sealed class IdempotencyStoreTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly StoredResponse Created = new(201, "application/json; charset=utf-8", "/api/v1/categories/1", "\"7\"", "{\"id\":1}"u8.ToArray());

    private readonly ManualClock _clock = new();

    public async Task InitializeAsync()
    {
        await using var context = CatalogContexts.Create(database.ConnectionString);
        await context.Database.MigrateAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_write_abandoned_without_its_answer_is_rolled_back_with_the_key_and_a_completed_one_commits_both()
    {
        var request = Request("tester", "abandoned-then-completed");
        await using (var context = Context())
        {
            await using var write = await AcquireAsync(context, request);
            await AddCategoryAsync(context, "Rolled back");
        }

        Assert.Equal(0, await database.ScalarAsync<long>("SELECT count(*) FROM categories WHERE name = 'Rolled back'"));
        Assert.Equal(0, await CountKeysAsync(request));

        await using (var context = Context())
        {
            await using var write = await AcquireAsync(context, request);
            await AddCategoryAsync(context, "Committed");
            await write.CompleteAsync(Created);
        }

        Assert.Equal(1, await database.ScalarAsync<long>("SELECT count(*) FROM categories WHERE name = 'Committed'"));
        await using (var context = Context())
        {
            var answered = Assert.IsType<IdempotencyClaim.Answered>(await Store(context).ClaimAsync(request, CancellationToken.None));
            Assert.Equal(request.Fingerprint, answered.Record.Fingerprint);
            Assert.Equal(Created with { Body = [] }, answered.Record.Response with { Body = [] });
            Assert.Equal(Created.Body, answered.Record.Response.Body);
        }
    }

    [Fact]
    public async Task A_key_held_by_a_running_request_is_in_flight_for_any_other_but_other_keys_and_subjects_are_free()
    {
        var request = Request("tester", "held");
        await using var holder = Context();
        await using var write = await AcquireAsync(holder, request);

        await using var other = Context();
        Assert.IsType<IdempotencyClaim.InFlight>(await Store(other).ClaimAsync(request, CancellationToken.None));
        await using (await AcquireAsync(other, Request("tester", "another key")))
        {
        }

        await using (await AcquireAsync(other, Request("someone else", "held")))
        {
        }
    }

    [Fact]
    public async Task An_expired_key_is_free_again_and_the_sweep_deletes_only_expired_keys()
    {
        var start = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
        _clock.Now = start;
        var old = Request("sweep", "old");
        var recent = Request("sweep", "recent");
        await CompleteAsync(old);
        _clock.Now = start.AddHours(23);
        await CompleteAsync(recent);

        _clock.Now = start + IdempotencyStore.KeyLifetime - TimeSpan.FromSeconds(1);
        await using (var context = Context())
        {
            Assert.IsType<IdempotencyClaim.Answered>(await Store(context).ClaimAsync(old, CancellationToken.None));
        }

        _clock.Now = start + IdempotencyStore.KeyLifetime + TimeSpan.FromSeconds(1);
        await using (var context = Context())
        {
            await using (await AcquireAsync(context, old))
            {
            }
        }

        var sweep = new ExpiredIdempotencyKeySweep(
            new CatalogContextFactory(Context), _clock, NullLogger<ExpiredIdempotencyKeySweep>.Instance);
        Assert.Equal(1, await sweep.DeleteExpiredAsync(CancellationToken.None));
        Assert.Equal(0, await CountKeysAsync(old));
        Assert.Equal(1, await CountKeysAsync(recent));
    }

    private async Task CompleteAsync(IdempotentRequest request)
    {
        await using var context = Context();
        await using var write = await AcquireAsync(context, request);
        await write.CompleteAsync(Created);
    }

    private async Task<IdempotentWrite> AcquireAsync(CatalogDbContext context, IdempotentRequest request) =>
        Assert.IsType<IdempotencyClaim.Acquired>(await Store(context).ClaimAsync(request, CancellationToken.None)).Write;

    private static async Task AddCategoryAsync(CatalogDbContext context, string name)
    {
        context.Categories.Add(Category.Create(name, Slug.FromName(name + " " + Guid.NewGuid().ToString("N")[..8]), null, DateTime.UtcNow));
        await context.SaveChangesAsync();
    }

    private Task<long> CountKeysAsync(IdempotentRequest request) =>
        database.ScalarAsync<long>($"SELECT count(*) FROM idempotency_keys WHERE subject = '{request.Subject}' AND key = '{request.Key}'");

    private IdempotencyStore Store(CatalogDbContext context) => new(context, _clock);

    private CatalogDbContext Context() => CatalogContexts.Create(database.ConnectionString);

    private static IdempotentRequest Request(string subject, string key) =>
        new(subject, key, System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(subject + key)));

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
