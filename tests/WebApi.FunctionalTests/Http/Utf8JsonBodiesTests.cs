namespace Ecommerce.WebApi.FunctionalTests.Http;

public sealed class Utf8JsonBodiesTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("application/json;charset=\"utf-8\"")]
    [InlineData("application/json; charset=utf8")]
    [InlineData("application/vnd.catalog+json; charset=utf-8")]
    public async Task Utf8_in_any_spelling_is_read_as_utf8(string contentType)
    {
        var name = ApiAssertions.Unique("Café Ünïcode");

        var response = await factory.CreateClient().PostAsync("/api/v1/categories", Body($"{{\"name\":\"{name}\"}}", contentType));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Contains($"\"name\":\"{name}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json; charset=latin1")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("application/json; charset=\"windows-1252\"")]
    [InlineData("application/json; charset=no-such-encoding")]
    [InlineData("application/json; charset=")]
    [InlineData("application/json; charset=\"\"")]
    public async Task Any_other_charset_is_415_before_the_body_is_read(string contentType)
    {
        var name = ApiAssertions.Unique("Other charset");

        var response = await factory.CreateClient().PostAsync("/api/v1/categories", Body($"{{\"name\":\"{name}\"}}", contentType));

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(0, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM categories WHERE name = '{name}'"));
    }

    [Fact]
    public async Task A_charset_on_a_request_without_a_body_changes_nothing()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/categories") { Content = new ByteArrayContent([]) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "text/plain; charset=latin1");

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static ByteArrayContent Body(string json, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }
}
