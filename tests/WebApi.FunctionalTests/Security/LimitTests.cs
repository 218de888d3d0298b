using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ecommerce.WebApi.FunctionalTests.Security;

public sealed class TightLimitsFactory : CatalogApiFactory
{
    public const int Writes = 3;
    public const int Reads = 5;
    public const int AdminWrites = 4;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Catalog:Limits:Writes:PermitLimit"] = Writes.ToString(CultureInfo.InvariantCulture),
        ["Catalog:Limits:Reads:PermitLimit"] = Reads.ToString(CultureInfo.InvariantCulture),
        ["Catalog:Limits:Admin:Writes:PermitLimit"] = AdminWrites.ToString(CultureInfo.InvariantCulture),
        ["Catalog:Limits:Admin:Writes:WindowSeconds"] = "60",
    };
}

/// <summary>
/// Budgets per client. The class shares one service, so each test spends the budgets of identities of
/// its own; anonymous requests of the in-memory test server all come from one (unknown) address.
/// </summary>
public sealed class RateLimitTests(TightLimitsFactory factory) : IClassFixture<TightLimitsFactory>
{
    [Fact]
    public async Task An_admin_over_its_own_limit_gets_429_with_retry_after()
    {
        var client = ClientWith(factory.Tokens.Create(["admin"], subject: "limited-admin"));
        for (var write = 0; write < TightLimitsFactory.AdminWrites; write++)
        {
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/categories", Json($"{{\"name\":\"Limit {write}\"}}"))).StatusCode);
        }

        var refused = await client.PostAsync("/api/v1/categories", Json("{\"name\":\"One too many\"}"));

        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture) >= 1);
        Assert.Equal(TightLimitsFactory.AdminWrites, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM categories WHERE name LIKE 'Limit %'"));
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

    /// <summary>
    /// Forged tokens naming the admin, and valid tokens of the same identity without the role, spend
    /// budgets of their own (the address's, the non-admin identity's) until refused; the admin's is untouched.
    /// </summary>
    [Fact]
    public async Task Forged_and_non_admin_tokens_never_spend_an_admins_budget()
    {
        const string admin = "busy-admin";
        var forged = ClientWith(factory.Tokens.Create(["admin"], subject: admin, signingKey: RandomNumberGenerator.GetBytes(32)));
        var withoutRole = ClientWith(factory.Tokens.Create([], subject: admin));
        var answers = new List<HttpStatusCode>();
        for (var attempt = 0; attempt <= TightLimitsFactory.AdminWrites; attempt++)
        {
            answers.Add((await forged.PostAsync("/api/v1/categories", Json("{\"name\":\"Forged\"}"))).StatusCode);
            answers.Add((await withoutRole.PostAsync("/api/v1/categories", Json("{\"name\":\"Without role\"}"))).StatusCode);
        }

        var adminClient = ClientWith(factory.Tokens.Create(["admin"], subject: admin));
        for (var write = 0; write < TightLimitsFactory.AdminWrites; write++)
        {
            Assert.Equal(HttpStatusCode.Created, (await adminClient.PostAsync("/api/v1/categories", Json($"{{\"name\":\"Busy {write}\"}}"))).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, answers);
        Assert.All(answers, answer => Assert.Contains(answer, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.TooManyRequests }));
    }

    /// <summary>Tokens without a name claim are told apart by their subject, not lumped together.</summary>
    [Fact]
    public async Task Admins_whose_tokens_have_no_name_are_limited_by_subject_each()
    {
        var first = ClientWith(TokenWithoutName("first-nameless"));
        var second = ClientWith(TokenWithoutName("second-nameless"));
        for (var write = 0; write < TightLimitsFactory.AdminWrites; write++)
        {
            Assert.Equal(HttpStatusCode.Created, (await first.PostAsync("/api/v1/categories", Json($"{{\"name\":\"Nameless {write}\"}}"))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.PostAsync("/api/v1/categories", Json("{\"name\":\"Nameless over\"}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await second.PostAsync("/api/v1/categories", Json("{\"name\":\"Other nameless\"}"))).StatusCode);
    }

    private HttpClient ClientWith(string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private string TokenWithoutName(string subject) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = TestTokens.Issuer,
        Audience = TestTokens.Audience,
        Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("role", "admin")]),
        Expires = DateTime.UtcNow.AddMinutes(10),
        SigningCredentials = new SigningCredentials(
            new SymmetricSecurityKey(Convert.FromBase64String(factory.Tokens.Base64Key)), SecurityAlgorithms.HmacSha256),
    });

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
