using System.Text.Json.Nodes;

namespace Ecommerce.WebApi.FunctionalTests.Host;

public sealed class OpenApiTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    private const string CommittedDocument = "docs/openapi.json";

    private static readonly string[] Writes = ["post", "put", "delete"];

    [Fact]
    public async Task The_committed_document_is_the_one_the_service_serves()
    {
        var served = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), CommittedDocument)))!;

        var difference = FirstDifference(committed, served, "#");
        Assert.True(difference is null,
            $"{CommittedDocument} differs from /openapi/v1.json at {difference}: build src/WebApi (make build) to rewrite it, and commit it.");
    }

    [Fact]
    public async Task The_document_describes_every_endpoint_and_its_error_responses()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");
        Assert.Equal(
            [
                "/api/v1/categories", "/api/v1/categories/by-slug/{slug}", "/api/v1/categories/tree", "/api/v1/categories/{id}",
                "/api/v1/products", "/api/v1/products/by-slug/{slug}", "/api/v1/products/export", "/api/v1/products/import",
                "/api/v1/products/{id}",
            ],
            paths.EnumerateObject().Select(path => path.Name).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["200", "400", "401", "403", "404", "409", "412", "413", "415", "429", "503"],
            Statuses(paths.GetProperty("/api/v1/products/{id}").GetProperty("put")));
        Assert.Equal(["201", "400", "401", "403", "409", "413", "415", "422", "429", "503"], Statuses(paths.GetProperty("/api/v1/categories").GetProperty("post")));
        Assert.Equal(["204", "401", "403", "404", "409", "412", "429", "503"], Statuses(paths.GetProperty("/api/v1/categories/{id}").GetProperty("delete")));
        Assert.Equal(["200", "304", "400", "429", "503"], Statuses(paths.GetProperty("/api/v1/products").GetProperty("get")));
        Assert.Equal(["200", "304", "404", "429", "503"], Statuses(paths.GetProperty("/api/v1/products/by-slug/{slug}").GetProperty("get")));
        Assert.Equal(
            ["200", "400", "401", "403", "409", "413", "415", "422", "429", "503"],
            Statuses(paths.GetProperty("/api/v1/products/import").GetProperty("post")));
        Assert.Equal(["200", "400", "429", "503"], Statuses(paths.GetProperty("/api/v1/products/export").GetProperty("get")));
    }

    [Fact]
    public async Task Writes_need_the_bearer_scheme_reads_are_explicitly_anonymous_and_every_error_is_a_problem()
    {
        var document = await DocumentAsync();
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal(("http", "bearer", "JWT"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString(), scheme.GetProperty("bearerFormat").GetString()));

        foreach (var (name, operation) in Operations(document))
        {
            var security = operation.GetProperty("security");
            if (Writes.Contains(name.Split(' ')[0]))
            {
                Assert.Equal("Bearer", Assert.Single(Assert.Single(security.EnumerateArray()).EnumerateObject()).Name);
            }
            else
            {
                Assert.Empty(security.EnumerateArray());
            }

            foreach (var response in operation.GetProperty("responses").EnumerateObject().Where(response => response.Name[0] is '4' or '5'))
            {
                var content = Assert.Single(response.Value.GetProperty("content").EnumerateObject());
                Assert.Equal("application/problem+json", content.Name);
                Assert.True(content.Value.TryGetProperty("example", out _), $"{name} {response.Name} has no example");
                Assert.Equal(response.Name is "429" or "503", response.Value.TryGetProperty("headers", out var headers) && headers.TryGetProperty("Retry-After", out _));
            }
        }
    }

    [Fact]
    public async Task The_list_query_has_its_contract_names_and_types_and_money_is_never_a_double()
    {
        var document = await DocumentAsync();
        var parameters = ListParameters(document).ToDictionary(parameter => parameter.GetProperty("name").GetString()!, parameter => parameter.GetProperty("schema"));

        Assert.Equal(["after", "category", "inStock", "maxPrice", "minPrice", "page", "pageSize", "q", "sort"], parameters.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("integer", "1", null), Describe(parameters["page"]));
        Assert.Equal(("integer", "1", "100"), Describe(parameters["pageSize"]));
        Assert.Equal(("number", "0", "99999999.99"), Describe(parameters["minPrice"]));
        Assert.Equal("decimal", parameters["maxPrice"].GetProperty("format").GetString());
        Assert.Equal("boolean", parameters["inStock"].GetProperty("type").GetString());
        Assert.Equal("string", parameters["after"].GetProperty("type").GetString());
        Assert.Equal(["name", "-name", "price", "-price", "rating", "-rating", "newest", "relevance"], parameters["sort"].GetProperty("enum").EnumerateArray().Select(value => value.GetString()));
        var product = document.GetProperty("components").GetProperty("schemas").GetProperty("ProductDto").GetProperty("properties");
        Assert.Equal("decimal", product.GetProperty("price").GetProperty("format").GetString());
        Assert.Equal("decimal", product.GetProperty("rating").GetProperty("format").GetString());
        Assert.DoesNotContain("\"double\"", document.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_service_accepts_each_list_parameter_s_example_and_refuses_values_outside_its_schema()
    {
        var client = factory.CreateAnonymousClient();
        foreach (var parameter in ListParameters(await DocumentAsync()))
        {
            var name = parameter.GetProperty("name").GetString()!;
            var accepted = await client.GetAsync($"/api/v1/products?{name}={Uri.EscapeDataString(Text(parameter.GetProperty("example")))}");
            Assert.True(accepted.StatusCode == HttpStatusCode.OK, $"{name}'s example was refused: {await accepted.Content.ReadAsStringAsync()}");

            foreach (var refused in OutsideOf(parameter.GetProperty("schema")))
            {
                var response = await client.GetAsync($"/api/v1/products?{name}={Uri.EscapeDataString(refused)}");
                await response.AssertValidationErrorsAsync(name);
            }
        }
    }

    private async Task<JsonElement> DocumentAsync() =>
        JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => ($"{operation.Name} {path.Name}", operation.Value)));

    private static IEnumerable<JsonElement> ListParameters(JsonElement document) =>
        document.GetProperty("paths").GetProperty("/api/v1/products").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Where(parameter => parameter.GetProperty("in").GetString() == "query");

    private static string[] Statuses(JsonElement operation) =>
        [.. operation.GetProperty("responses").EnumerateObject().Select(status => status.Name).Order(StringComparer.Ordinal)];

    private static (string?, string?, string?) Describe(JsonElement schema) =>
        (schema.GetProperty("type").GetString(), Bound(schema, "minimum"), Bound(schema, "maximum"));

    private static string? Bound(JsonElement schema, string name) =>
        schema.TryGetProperty(name, out var bound) ? bound.GetRawText() : null;

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    /// <summary>Values the schema rules out: past each bound, of the wrong type, not in the enum, too long.</summary>
    private static IEnumerable<string> OutsideOf(JsonElement schema)
    {
        var type = schema.GetProperty("type").GetString();
        if (schema.TryGetProperty("minimum", out var minimum))
        {
            yield return (minimum.GetDecimal() - (type == "integer" ? 1 : 0.01m)).ToString(CultureInfo.InvariantCulture);
        }

        if (schema.TryGetProperty("maximum", out var maximum))
        {
            yield return (maximum.GetDecimal() + (type == "integer" ? 1 : 0.01m)).ToString(CultureInfo.InvariantCulture);
        }

        if (type is "integer" or "number" or "boolean")
        {
            yield return "twelve";
        }

        if (type == "integer")
        {
            yield return "1.5";
        }

        if (schema.TryGetProperty("enum", out _))
        {
            yield return "no-such-value";
        }

        if (schema.TryGetProperty("maxLength", out var maxLength))
        {
            yield return new string('a', maxLength.GetInt32() + 1);
        }
    }

    /// <summary>The JSON pointer of the first place where two documents differ, or null when they are equal.</summary>
    private static string? FirstDifference(JsonNode? expected, JsonNode? actual, string pointer)
    {
        switch (expected, actual)
        {
            case (JsonObject expectedObject, JsonObject actualObject):
                foreach (var name in expectedObject.Select(property => property.Key).Union(actualObject.Select(property => property.Key)))
                {
                    var child = $"{pointer}/{name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}";
                    if (!expectedObject.ContainsKey(name) || !actualObject.ContainsKey(name))
                    {
                        return child;
                    }

                    if (FirstDifference(expectedObject[name], actualObject[name], child) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case (JsonArray expectedArray, JsonArray actualArray):
                for (var index = 0; index < Math.Max(expectedArray.Count, actualArray.Count); index++)
                {
                    if (index >= expectedArray.Count || index >= actualArray.Count)
                    {
                        return $"{pointer}/{index}";
                    }

                    if (FirstDifference(expectedArray[index], actualArray[index], $"{pointer}/{index}") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return JsonNode.DeepEquals(expected, actual) ? null : pointer;
        }
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Ecommerce.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root (with Ecommerce.sln) was not found.");
    }

    [Fact]
    public async Task The_tree_is_described_as_an_array_of_nodes_that_nest_themselves()
    {
        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"))!;

        var ok = document["paths"]!["/api/v1/categories/tree"]!["get"]!["responses"]!["200"]!.DeepClone().AsObject();
        Assert.Equal(["ETag", "Cache-Control"], ok["headers"]!.AsObject().Select(header => header.Key));
        ok.Remove("headers");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            { "description": "The top-level active categories, each with its active subcategories in `children`, ordered by name.",
              "content": { "application/json": { "schema": {
              "type": "array", "items": { "$ref": "#/components/schemas/CategoryTreeNode" } } } } }
            """), ok), ok.ToJsonString());
        var node = document["components"]!["schemas"]!["CategoryTreeNode"]!;
        // The shape only: descriptions and examples are the document's business, not the tree result's.
        var shape = new JsonObject
        {
            ["required"] = node["required"]!.DeepClone(),
            ["type"] = node["type"]!.DeepClone(),
            ["properties"] = new JsonObject(node["properties"]!.AsObject().Select(property => KeyValuePair.Create(
                property.Key,
                (JsonNode?)new JsonObject(property.Value!.AsObject()
                    .Where(facet => facet.Key is "type" or "format" or "items")
                    .Select(facet => KeyValuePair.Create(facet.Key, facet.Value?.DeepClone()))))))
        };
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
            """), shape), shape.ToJsonString());
    }
}
