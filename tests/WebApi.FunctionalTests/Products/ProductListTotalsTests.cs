using System.Reflection;
using Ecommerce.Application.Common.Paging;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ecommerce.WebApi.FunctionalTests.Products;

/// <summary>
/// <c>totalCount</c> under every list filter, alone and combined, equals a plain <c>count(*)</c> over the
/// products table, on a catalog where a shortcut could count wrong: inactive products, products in
/// subcategories and in a retired subcategory, products moved between categories, products out of stock.
/// </summary>
public sealed class ProductListTotalsTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>, IAsyncLifetime
{
    /// <summary>The list parameters that page and order the list rather than filter it.</summary>
    private static readonly HashSet<string> NotFilters = new(["sort", "page", "pageSize", "after"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Each filter of the contract as a predicate on <c>p</c>, a row of <c>products</c>.</summary>
    private static readonly Dictionary<string, Func<string, string>> SqlOf = new(StringComparer.OrdinalIgnoreCase)
    {
        ["category"] = slug => $"""
            p.category_id IN (WITH RECURSIVE subtree AS (
                SELECT id FROM categories WHERE slug = '{slug}' AND is_active
                UNION ALL SELECT child.id FROM categories child JOIN subtree ON child.parent_id = subtree.id WHERE child.is_active)
            SELECT id FROM subtree)
            """,
        ["q"] = text => $"p.name ILIKE '%{text}%'",
        ["minPrice"] = price => $"p.price >= {price}",
        ["maxPrice"] = price => $"p.price <= {price}",
        ["inStock"] = flag => bool.Parse(flag) ? "p.stock > 0" : "p.stock = 0",
    };

    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string> Filters =>
    [
        "",
        "category=tools",
        "category=saws",
        "category=drills",
        "category=cordless",
        "category=garden",
        "category=retired",
        "category=empty",
        "category=no-such-category",
        "q=lumen",
        "q=torque",
        "q=hammer",
        "q=nothing-matches",
        "minPrice=25",
        "maxPrice=25",
        "minPrice=25&maxPrice=60",
        "minPrice=0&maxPrice=99999999.99",
        "inStock=true",
        "inStock=false",
        "category=tools&inStock=true",
        "category=tools&inStock=false",
        "category=drills&q=torque",
        "category=tools&minPrice=30&maxPrice=120",
        "category=garden&maxPrice=25&inStock=false",
        "q=lumen&inStock=false",
        "q=hammer&minPrice=10&maxPrice=150&inStock=true&category=tools",
    ];

    public async Task InitializeAsync()
    {
        if (await factory.Database.ScalarAsync<long>("SELECT count(*) FROM categories") > 0)
        {
            return;
        }

        var tools = await Category("Tools", "tools");
        var saws = await Category("Saws", "saws", tools);
        var drills = await Category("Drills", "drills", tools);
        var cordless = await Category("Cordless", "cordless", drills);
        var garden = await Category("Garden", "garden");
        var retired = await Category("Retired", "retired", garden);
        await Category("Empty", "empty");

        await Product("Torque Wrench", tools, 25m, 5);
        await Product("Lumen Torch", tools, 40m, 0);
        await Product("Claw Hammer", tools, 15m, 3);
        await Retire(await Product("Old Hammer", tools, 9.99m, 2));
        await Product("Lumen Saw Guide", saws, 60m, 1);
        await Product("Rip Saw", saws, 35.50m, 0);
        await Retire(await Product("Broken Saw", saws, 12m, 1));
        await Product("Torque Drill", drills, 120m, 4);
        await Product("Hammer Drill", drills, 150m, 0);
        await Product("Cordless Torque Driver", cordless, 99.99m, 2);
        await Product("Lumen Cordless Lamp", cordless, 45m, 7);
        await Retire(await Product("Spare Battery", cordless, 30m, 0));
        await Product("Garden Hose", garden, 20m, 10);
        await Product("Lumen Garden Light", garden, 25m, 0);
        await Product("Hedge Trimmer", garden, 80m, 1);
        var wandering = await Product("Wandering Clamp", saws, 18m, 2);
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync(
            $"/api/v1/products/{wandering.Id}", new { name = wandering.Name, price = 18m, stock = 2, categoryId = garden }, null)).StatusCode);
        await Retire(await Product("Retired Rake", retired, 10m, 1));
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/v1/categories/{retired}")).StatusCode);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task The_total_under_a_filter_is_a_plain_count_of_the_matching_active_rows(string query)
    {
        var expected = await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM products p WHERE p.is_active AND {Predicate(query)}");

        var page = await (await _client.GetAsync($"/api/v1/products?{query}&pageSize=100")).ReadAsync<PagedList<ProductDto>>(HttpStatusCode.OK);

        Assert.Equal(expected, page.TotalCount);
        Assert.Equal(expected, page.Items.Count);
    }

    [Fact]
    public async Task The_catalog_holds_rows_that_a_count_over_the_counters_or_all_rows_would_get_wrong()
    {
        Assert.True(await factory.Database.ScalarAsync<long>("SELECT count(*) FROM products WHERE NOT is_active") >= 4);
        Assert.True(await factory.Database.ScalarAsync<long>("SELECT count(*) FROM products WHERE is_active AND stock = 0") >= 3);
        Assert.True(await factory.Database.ScalarAsync<long>(
            "SELECT count(*) FROM products p JOIN categories c ON c.id = p.category_id WHERE p.is_active AND c.parent_id IS NOT NULL") >= 3);
    }

    /// <summary>
    /// Every filter the list endpoint binds, found from the endpoint itself rather than from a list kept
    /// here: a filter added to the API without a case above fails this test.
    /// </summary>
    [Fact]
    public void Every_filter_of_the_list_endpoint_has_a_sql_translation_and_a_case_alone_and_combined()
    {
        var filters = ListQueryParameters().Where(name => !NotFilters.Contains(name)).ToList();
        var cases = ((IEnumerable<object[]>)Filters).Select(row => (string)row[0]).Select(query => Parse(query).Keys.ToList()).ToList();

        Assert.NotEmpty(filters);
        Assert.All(filters, filter =>
        {
            Assert.True(SqlOf.ContainsKey(filter), $"The list filter '{filter}' has no SQL translation in this test.");
            Assert.True(cases.Any(keys => keys.SequenceEqual([filter], StringComparer.OrdinalIgnoreCase)), $"No case filters by '{filter}' alone.");
            Assert.True(cases.Any(keys => keys.Count > 1 && keys.Contains(filter, StringComparer.OrdinalIgnoreCase)), $"No case combines '{filter}' with another filter.");
        });
    }

    /// <summary>The query parameters of <c>GET /api/v1/products</c>: its handler's query-bound parameters, with <c>[AsParameters]</c> expanded.</summary>
    private IEnumerable<string> ListQueryParameters()
    {
        var endpoint = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Single(endpoint =>
            endpoint.RoutePattern.RawText?.TrimEnd('/') == "/api/v1/products"
            && endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true);
        var handler = endpoint.Metadata.OfType<MethodInfo>().First();
        foreach (var parameter in handler.GetParameters())
        {
            if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                foreach (var property in parameter.ParameterType.GetProperties())
                {
                    yield return JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                }
            }
            else if (parameter.GetCustomAttribute<Microsoft.AspNetCore.Mvc.FromQueryAttribute>() is { } fromQuery)
            {
                yield return fromQuery.Name ?? parameter.Name!;
            }
        }
    }

    private static string Predicate(string query) =>
        string.Join(" AND ", Parse(query).Select(filter => SqlOf[filter.Key](filter.Value)).DefaultIfEmpty("TRUE").ToArray());

    private static Dictionary<string, string> Parse(string query) => query.Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('='))
        .ToDictionary(pair => pair[0], pair => Uri.UnescapeDataString(pair[1]));

    private async Task<int> Category(string name, string slug, int? parentId = null) =>
        (await _client.CreateCategoryAsync(name, parentId, slug)).Id;

    private Task<ProductDto> Product(string name, int categoryId, decimal price, int stock) =>
        _client.CreateProductAsync(name, categoryId, price, stock);

    private async Task Retire(ProductDto product) =>
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/v1/products/{product.Id}")).StatusCode);
}
