using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ecommerce.WebApi.FunctionalTests.Infrastructure;

namespace Ecommerce.WebApi.FunctionalTests.Host;

public sealed class OpenApiTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    [Fact]
    public async Task The_document_describes_every_endpoint_and_its_error_responses()
    {
        var response = await factory.CreateClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");
        Assert.Equal(
            [
                "/api/v1/categories", "/api/v1/categories/by-slug/{slug}", "/api/v1/categories/tree", "/api/v1/categories/{id}",
                "/api/v1/products", "/api/v1/products/by-slug/{slug}", "/api/v1/products/{id}",
            ],
            paths.EnumerateObject().Select(path => path.Name).Order(StringComparer.Ordinal));
        var updateProduct = paths.GetProperty("/api/v1/products/{id}").GetProperty("put").GetProperty("responses");
        Assert.Equal(
            ["200", "400", "401", "403", "404", "409", "412", "429"],
            updateProduct.EnumerateObject().Select(status => status.Name).Order(StringComparer.Ordinal));
        var createCategory = paths.GetProperty("/api/v1/categories").GetProperty("post").GetProperty("responses");
        Assert.Equal(["201", "400", "401", "403", "409", "429"], createCategory.EnumerateObject().Select(status => status.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_tree_is_described_as_an_array_of_nodes_that_nest_themselves()
    {
        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"))!;

        var ok = document["paths"]!["/api/v1/categories/tree"]!["get"]!["responses"]!["200"]!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            { "description": "OK", "content": { "application/json": { "schema": {
              "type": "array", "items": { "$ref": "#/components/schemas/CategoryTreeNode" } } } } }
            """), ok), ok.ToJsonString());
        var node = document["components"]!["schemas"]!["CategoryTreeNode"]!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {
              "required": ["id", "name", "slug", "parentId", "isActive", "createdAt", "updatedAt", "children"],
              "type": "object",
              "properties": {
                "id": { "type": "integer", "format": "int32" },
                "name": { "type": "string" },
                "slug": { "type": "string" },
                "parentId": { "type": ["null", "integer"], "format": "int32" },
                "isActive": { "type": "boolean" },
                "createdAt": { "type": "string", "format": "date-time" },
                "updatedAt": { "type": "string", "format": "date-time" },
                "children": { "type": "array", "items": { "$ref": "#/components/schemas/CategoryTreeNode" } }
              }
            }
            """), node), node.ToJsonString());
    }
}
