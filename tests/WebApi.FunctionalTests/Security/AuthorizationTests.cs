using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace Ecommerce.WebApi.FunctionalTests.Security;

/// <summary>Every write route against the five kinds of caller; reads stay anonymous.</summary>
public sealed class AuthorizationTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    public enum Caller
    {
        NoToken,
        ExpiredToken,
        WrongSignature,
        WrongRole,
        Admin,
    }

    public static TheoryData<int, Caller> Cases()
    {
        var cases = new TheoryData<int, Caller>();
        for (var route = 0; route < WriteRoutes.All.Length; route++)
        {
            foreach (var caller in Enum.GetValues<Caller>())
            {
                cases.Add(route, caller);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Writes_need_a_valid_admin_token(int route, Caller caller)
    {
        var admin = factory.CreateClient();
        var category = await admin.CreateCategoryAsync(ApiAssertions.Unique("Auth"));
        var product = await admin.CreateProductAsync(ApiAssertions.Unique("Auth"), category.Id);
        var empty = await admin.CreateCategoryAsync(ApiAssertions.Unique("Empty"));
        var (method, path, body) = WriteRoutes.All[route];
        var request = new HttpRequestMessage(new HttpMethod(method), path
            .Replace("{category}", category.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{product}", product.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{empty}", empty.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        if (body is not null)
        {
            request.Content = new StringContent(
                body.Replace("{category}", category.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
                Encoding.UTF8, "application/json");
        }

        if (TokenFor(caller) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await factory.CreateAnonymousClient().SendAsync(request);

        switch (caller)
        {
            case Caller.Admin:
                Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode}");
                break;
            case Caller.WrongRole:
                await response.AssertProblemAsync(HttpStatusCode.Forbidden);
                break;
            default:
                await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
                Assert.Contains(response.Headers.WwwAuthenticate, header => header.Scheme == "Bearer");
                break;
        }
    }

    [Theory]
    [InlineData("/api/v1/categories")]
    [InlineData("/api/v1/categories/tree")]
    [InlineData("/api/v1/products")]
    public async Task Reads_are_anonymous(string url) =>
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateAnonymousClient().GetAsync(url)).StatusCode);

    [Fact]
    public async Task A_refused_write_changes_nothing()
    {
        var before = await factory.Database.ScalarAsync<long>("SELECT count(*) FROM categories");

        var response = await factory.CreateAnonymousClient().PostAsync(
            "/api/v1/categories", new StringContent("{\"name\":\"Sneaky\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM categories"));
    }

    private string? TokenFor(Caller caller) => caller switch
    {
        Caller.NoToken => null,
        Caller.ExpiredToken => factory.Tokens.Create(["admin"], lifetime: TimeSpan.FromMinutes(-30)),
        Caller.WrongSignature => factory.Tokens.Create(["admin"], signingKey: RandomNumberGenerator.GetBytes(32)),
        Caller.WrongRole => factory.Tokens.Create(["customer"]),
        _ => factory.Tokens.Admin(),
    };
}
