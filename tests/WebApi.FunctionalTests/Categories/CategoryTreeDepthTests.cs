using Ecommerce.WebApi.Hosting;
using Ecommerce.WebApi.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Ecommerce.WebApi.FunctionalTests.Categories;

/// <summary>
/// The tree is as deep as clients make it; the JSON depth limit guards request bodies and must not
/// break the response.
/// </summary>
public sealed class CategoryTreeDepthTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    private const int Depth = 100;

    [Fact]
    public async Task A_chain_of_a_hundred_categories_built_through_the_api_is_served_whole()
    {
        var client = factory.CreateClient();
        var maxJsonDepth = factory.Services.GetRequiredService<CatalogLimits>().MaxJsonDepth;
        Assert.True(2 * Depth > maxJsonDepth, "The chain must nest deeper than the request body limit.");
        var ids = new List<int>();
        int? parentId = null;
        for (var level = 1; level <= Depth; level++)
        {
            var category = await client.CreateCategoryAsync($"Level {level:D3}", parentId);
            ids.Add(category.Id);
            parentId = category.Id;
        }

        var response = await client.GetAsync("/api/v1/categories/tree");

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var roots = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 4 * Depth }).RootElement.EnumerateArray();
        var node = Assert.Single(roots, root => root.GetProperty("id").GetInt32() == ids[0]);
        for (var level = 0; level < Depth; level++)
        {
            Assert.Equal(ids[level], node.GetProperty("id").GetInt32());
            Assert.Equal($"Level {level + 1:D3}", node.GetProperty("name").GetString());
            var children = node.GetProperty("children").EnumerateArray().ToList();
            if (level == Depth - 1)
            {
                Assert.Empty(children);
            }
            else
            {
                node = Assert.Single(children);
            }
        }
    }

    [Fact]
    public async Task The_tree_is_written_exactly_as_the_configured_serializer_writes_it()
    {
        var client = factory.CreateClient();
        var root = await client.CreateCategoryAsync("Exact \"quoted\" <root> & Café");
        var child = await client.CreateCategoryAsync("Exact child 😀", root.Id);
        await client.CreateCategoryAsync("Exact grandchild", child.Id);
        await client.CreateCategoryAsync("Exact sibling", root.Id);
        var options = factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

        var body = await client.GetStringAsync("/api/v1/categories/tree");

        var shallow = JsonSerializer.Deserialize<List<CategoryTreeNode>>(body, new JsonSerializerOptions(JsonSerializerDefaults.Web) { MaxDepth = 1000 })!
            .Where(node => node.Name.StartsWith("Exact", StringComparison.Ordinal))
            .ToList();
        var expected = JsonSerializer.Serialize<IReadOnlyList<CategoryTreeNode>>(shallow, options);
        Assert.Contains(expected[1..^1], body, StringComparison.Ordinal);
        Assert.Contains("\"children\":[]", expected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tree_response_writes_a_chain_of_a_hundred_thousand_nodes()
    {
        const int depth = 100_000;
        var when = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var chain = Enumerable.Range(1, depth)
            .Select(id => new CategoryDto(id, $"Category {id}", $"category-{id}", id == 1 ? null : id - 1, true, when, when))
            .ToList();
        using var body = new MemoryStream();
        var context = new DefaultHttpContext { RequestServices = factory.Services };
        context.Response.Body = body;

        await new CategoryTreeResult(CategoryTreeNode.Build(chain)).ExecuteAsync(context);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        // Read as a stream of tokens: JsonDocument slows down badly on documents this deep.
        var reader = new Utf8JsonReader(body.ToArray(), new JsonReaderOptions { MaxDepth = int.MaxValue });
        var nextId = 1;
        var deepest = 0;
        while (reader.Read())
        {
            deepest = Math.Max(deepest, reader.CurrentDepth);
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("id"))
            {
                Assert.True(reader.Read());
                Assert.Equal(nextId++, reader.GetInt32());
            }
        }

        Assert.Equal(depth + 1, nextId);
        Assert.Equal(2 * depth, deepest);
        Assert.EndsWith("\"children\":[]" + string.Concat(Enumerable.Repeat("}]", depth)), System.Text.Encoding.UTF8.GetString(body.ToArray()), StringComparison.Ordinal);
    }
}
