using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Ecommerce.WebApi.FunctionalTests.Security;

public sealed class HeaderTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    [Theory]
    [InlineData("/api/v1/categories")]
    [InlineData("/api/v1/categories/987654")]
    [InlineData("/health/live")]
    [InlineData("/no-such-route")]
    public async Task Every_response_says_nosniff_and_names_no_server(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);

        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task A_response_cleared_to_report_an_exception_says_nosniff_too()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", factory.Tokens.Admin());

        var response = await client.PostAsync("/api/v1/categories", new StringContent("{\"name\":", Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
    }

    [Fact]
    public void Kestrel_sends_no_server_header()
    {
        var kestrel = factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;

        Assert.False(kestrel.AddServerHeader);
    }

    [Fact]
    public async Task Cors_is_closed_by_default()
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/products");
        request.Headers.Add("Origin", "https://evil.example.com");
        request.Headers.Add("Access-Control-Request-Method", "POST");

        var response = await factory.CreateClient().SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}

public sealed class OpenCorsFactory : CatalogApiFactory
{
    public const string Origin = "https://shop.example.com";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Cors:AllowedOrigins:0"] = Origin,
        ["Transport:UseHttps"] = "true",
        ["https_port"] = "443",
    };
}

public sealed class ConfiguredTransportTests(OpenCorsFactory factory) : IClassFixture<OpenCorsFactory>
{
    [Fact]
    public async Task A_configured_origin_is_allowed_and_others_are_not()
    {
        var client = factory.CreateClient();
        client.BaseAddress = new Uri("https://api.example.com");

        var allowed = await client.SendAsync(Preflight(OpenCorsFactory.Origin));
        var other = await client.SendAsync(Preflight("https://evil.example.com"));

        Assert.Equal([OpenCorsFactory.Origin], allowed.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task With_tls_configured_http_is_redirected_and_https_gets_hsts()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var plain = await client.GetAsync("http://api.example.com/api/v1/categories");
        var secure = await client.GetAsync("https://api.example.com/api/v1/categories");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
        Assert.Equal("https", plain.Headers.Location?.Scheme);
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.True(secure.Headers.Contains("Strict-Transport-Security"));
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/products");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        return request;
    }
}
