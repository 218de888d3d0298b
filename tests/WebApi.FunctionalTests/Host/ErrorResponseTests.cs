using Ecommerce.Application.Abstractions;
using Microsoft.AspNetCore.TestHost;

namespace Ecommerce.WebApi.FunctionalTests.Host;

public sealed class ErrorResponseTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    [Fact]
    public async Task Unknown_routes_and_methods_are_problems_too()
    {
        var client = factory.CreateClient();

        await (await client.GetAsync("/api/v1/nothing-here")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.PatchAsync("/api/v1/categories/1", null)).AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task A_client_that_accepts_no_json_gets_the_status_line_in_plain_text()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/nothing-here");
        request.Headers.Accept.ParseAdd("text/html");

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Status Code: 404; Not Found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/categories")]
    [InlineData("/api/v1/categories/tree")]
    public async Task An_unexpected_failure_is_a_500_that_reveals_nothing_outside_development(string url)
    {
        var client = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddScoped<ICategoryReader, FailingCategoryReader>())).CreateClient();

        var response = await client.GetAsync(url);

        var problem = await response.AssertProblemAsync(HttpStatusCode.InternalServerError);
        var body = problem.GetRawText();
        Assert.DoesNotContain(FailingCategoryReader.Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.False(problem.TryGetProperty("detail", out var detail) && detail.ValueKind == System.Text.Json.JsonValueKind.String);
    }

    private sealed class FailingCategoryReader : ICategoryReader
    {
        public const string Secret = "SELECT password FROM users";

        public Task<CategoryDto?> FindActiveAsync(int id, CancellationToken cancellationToken) => throw new InvalidOperationException(Secret);

        public Task<CategoryDto?> FindActiveBySlugAsync(string slug, CancellationToken cancellationToken) => throw new InvalidOperationException(Secret);

        public Task<IReadOnlyList<CategoryDto>> ListActiveAsync(CancellationToken cancellationToken) => throw new InvalidOperationException(Secret);
    }
}
