namespace Ecommerce.WebApi.FunctionalTests.Idempotency;

public sealed class IdempotencyDocumentTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    [Fact]
    public async Task Every_creating_post_declares_the_optional_key_header_and_its_422_and_no_other_method_does()
    {
        var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;

        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var header = operation.Value.TryGetProperty("parameters", out var parameters)
                    ? parameters.EnumerateArray().SingleOrDefault(parameter => parameter.GetProperty("name").GetString() == "Idempotency-Key")
                    : default;
                // An import is idempotent by itself, as PUT is: rows are keyed by slug, so a file sent again changes nothing more.
                var isImport = operation.Value.GetProperty("operationId").GetString() == "ImportProducts";
                var isPost = operation.Name == "post" && !isImport;
                Assert.Equal(isPost, header.ValueKind == JsonValueKind.Object);
                Assert.Equal(isPost || isImport, operation.Value.GetProperty("responses").TryGetProperty("422", out _));
                if (isPost)
                {
                    Assert.Equal("header", header.GetProperty("in").GetString());
                    Assert.False(header.TryGetProperty("required", out var required) && required.GetBoolean());
                    Assert.Contains("Idempotency.RequestInFlight", operation.Value.GetProperty("responses").GetProperty("409").GetProperty("description").GetString(), StringComparison.Ordinal);
                }
            }
        }
    }
}
