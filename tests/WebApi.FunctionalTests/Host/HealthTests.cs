namespace Ecommerce.WebApi.FunctionalTests.Host;

public sealed class HealthTests(CatalogApiFactory migrated) : IClassFixture<CatalogApiFactory>
{
    [Fact]
    public async Task Live_and_ready_answer_200_on_a_database_at_head()
    {
        var client = migrated.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }
}

public sealed class UnmigratedHealthTests(UnmigratedCatalogApiFactory unmigrated) : IClassFixture<UnmigratedCatalogApiFactory>
{
    [Fact]
    public async Task Ready_answers_503_while_a_migration_is_pending_but_live_stays_200()
    {
        var client = unmigrated.CreateClient();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }
}
