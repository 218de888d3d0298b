using System.Net;
using System.Text;
using Ecommerce.WebApi.FunctionalTests.Infrastructure;
using static Ecommerce.WebApi.FunctionalTests.Infrastructure.ApiAssertions;

namespace Ecommerce.WebApi.FunctionalTests.Security;

public sealed class TightLimitsFactory : CatalogApiFactory
{
    public const int Writes = 3;
    public const int Reads = 5;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Catalog:Limits:Writes:PermitLimit"] = Writes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Catalog:Limits:Reads:PermitLimit"] = Reads.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

public sealed class RateLimitTests(TightLimitsFactory factory) : IClassFixture<TightLimitsFactory>
{
    [Fact]
    public async Task Writes_over_the_limit_get_429_with_retry_after()
    {
        var client = factory.CreateClient();
        for (var write = 0; write < TightLimitsFactory.Writes; write++)
        {
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/categories", Json($"{{\"name\":\"Limit {write}\"}}"))).StatusCode);
        }

        var refused = await client.PostAsync("/api/v1/categories", Json("{\"name\":\"One too many\"}"));

        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal(TightLimitsFactory.Writes, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM categories"));
    }

    [Fact]
    public async Task Reads_have_their_own_looser_limit()
    {
        var client = factory.CreateAnonymousClient();
        for (var read = 0; read < TightLimitsFactory.Reads; read++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/products")).StatusCode);
        }

        var refused = await client.GetAsync("/api/v1/products");

        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.Contains("Retry-After"));
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}

public sealed class RequestLimitTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    [Fact]
    public async Task A_body_over_one_megabyte_is_413()
    {
        var body = "{\"name\":\"" + new string('x', 1024 * 1024) + "\"}";

        var response = await factory.CreateClient().PostAsync("/api/v1/categories", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    /// <summary>
    /// The contract's <c>Catalog:Limits:MaxJsonDepth</c>: 32 levels, counted as System.Text.Json counts
    /// them, one per object or array open at once, the body itself being the first. Far under the
    /// serializer's own default of 64, so these cases see the configured limit, not the default.
    /// </summary>
    private const int ContractMaxDepth = 32;

    [Theory]
    [InlineData(ContractMaxDepth - 1)]
    [InlineData(ContractMaxDepth)]
    public async Task Json_nested_up_to_the_limit_is_read(int levels)
    {
        var name = Unique($"Nested {levels}");

        var response = await factory.CreateClient().PostAsync("/api/v1/categories", Nested(name, levels));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM categories WHERE name = '{name}'"));
    }

    [Fact]
    public async Task Json_nested_one_level_deeper_than_the_limit_is_400_naming_the_field_and_writes_nothing()
    {
        var name = Unique("Over the limit");

        var response = await factory.CreateClient().PostAsync("/api/v1/categories", Nested(name, ContractMaxDepth + 1));

        await response.AssertValidationErrorsAsync("extra");
        Assert.Equal(0, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM categories WHERE name = '{name}'"));
    }

    /// <summary>A category body whose deepest value sits at <paramref name="levels"/> levels, the body itself being the first.</summary>
    private static StringContent Nested(string name, int levels) => new(
        $"{{\"name\":\"{name}\",\"extra\":" + new string('[', levels - 1) + new string(']', levels - 1) + "}",
        Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("{\"name\":\"P\",\"price\":\"12\",\"stock\":1,\"categoryId\":1}", "price")]
    [InlineData("{\"name\":\"P\",\"price\":12,\"stock\":\"1\",\"categoryId\":1}", "stock")]
    [InlineData("{\"name\":\"P\",\"price\":12,\"stock\":1,\"categoryId\":\"1\"}", "categoryId")]
    public async Task A_number_sent_as_a_string_is_400(string body, string field) =>
        await (await factory.CreateClient().PostAsync("/api/v1/products", new StringContent(body, Encoding.UTF8, "application/json")))
            .AssertValidationErrorsAsync(field);
}

/// <summary>The body limit as the real server applies it, to a body that does not declare its length.</summary>
public sealed class KestrelBodyLimitTests(KestrelCatalogApiFactory factory) : IClassFixture<KestrelCatalogApiFactory>
{
    [Fact]
    public async Task A_chunked_body_over_one_megabyte_is_413_and_one_under_it_is_read()
    {
        var client = factory.CreateClient();

        var over = await client.PostAsync("/api/v1/categories", Chunked("{\"name\":\"" + new string('x', 1024 * 1024) + "\"}"));
        var under = await client.PostAsync("/api/v1/categories", Chunked("{\"name\":\"" + new string('x', 1000) + "\"}"));

        await over.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.False(over.Headers.Contains("Server"));
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, under.StatusCode);
    }

    private static StreamContent Chunked(string body)
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }
}
