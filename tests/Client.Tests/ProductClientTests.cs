using Ecommerce.Client.Tests.Generated;
using Ecommerce.Client.Tests.Generated.Api.V1.Products;
using Ecommerce.Client.Tests.Generated.Models;
using Ecommerce.Client.Tests.Infrastructure;
using Ecommerce.WebApi.FunctionalTests.Infrastructure;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace Ecommerce.Client.Tests;

/// <summary>Products, through nothing but the client generated from docs/openapi.json.</summary>
public sealed class ProductClientTests(CatalogApiFactory factory) : IClassFixture<CatalogApiFactory>
{
    private CatalogClient Admin => CatalogClients.WithToken(factory, factory.Tokens.Admin());

    private CatalogClient Reader => CatalogClients.Anonymous(factory);

    [Fact]
    public void Money_is_a_decimal_in_the_generated_types()
    {
        Assert.Equal(typeof(decimal?), typeof(ProductDto).GetProperty(nameof(ProductDto.Price))!.PropertyType);
        Assert.Equal(typeof(decimal?), typeof(ProductDto).GetProperty(nameof(ProductDto.Rating))!.PropertyType);
        Assert.Equal(typeof(decimal?), typeof(ProductRequest).GetProperty(nameof(ProductRequest.Price))!.PropertyType);
        var query = typeof(ProductsRequestBuilder.ProductsRequestBuilderGetQueryParameters);
        Assert.Equal(typeof(decimal?), query.GetProperty(nameof(ProductsRequestBuilder.ProductsRequestBuilderGetQueryParameters.MinPrice))!.PropertyType);
        Assert.Equal(typeof(decimal?), query.GetProperty(nameof(ProductsRequestBuilder.ProductsRequestBuilderGetQueryParameters.MaxPrice))!.PropertyType);
    }

    [Fact]
    public async Task The_list_filters_by_subtree_price_and_stock_sorts_and_pages()
    {
        var audio = await Admin.Api.V1.Categories.PostAsync(new CategoryRequest { Name = "Audio" });
        var headphones = await Admin.Api.V1.Categories.PostAsync(new CategoryRequest { Name = "Headphones", ParentId = audio!.Id });
        var other = await Admin.Api.V1.Categories.PostAsync(new CategoryRequest { Name = "Garden" });
        await CreateProductAsync("Speaker", 10.00m, stock: 1, audio.Id);
        await CreateProductAsync("Earbuds", 25.50m, stock: 2, headphones!.Id);
        await CreateProductAsync("Studio headphones", 12345678.91m, stock: 0, headphones.Id);
        await CreateProductAsync("Hose", 30.00m, stock: 9, other!.Id);

        var filtered = await Reader.Api.V1.Products.GetAsync(request =>
        {
            request.QueryParameters.Category = "audio";
            request.QueryParameters.MinPrice = 20.5m;
            request.QueryParameters.InStock = true;
        });
        var paged = await Reader.Api.V1.Products.GetAsync(request =>
        {
            request.QueryParameters.Category = "audio";
            request.QueryParameters.Sort = GetSortQueryParameterType.Minus_price;
            request.QueryParameters.Page = 1;
            request.QueryParameters.PageSize = 2;
        });

        var match = Assert.Single(filtered!.Items!);
        Assert.Equal(("Earbuds", 25.50m), (match.Name, match.Price));
        Assert.Equal((3, 2, 1, 2), (paged!.TotalCount, paged.TotalPages, paged.Page, paged.PageSize));
        Assert.Equal([12345678.91m, 25.50m], paged.Items!.Select(product => product.Price!.Value));
    }

    [Fact]
    public async Task Every_sort_the_document_lists_is_accepted_and_a_page_size_past_its_maximum_is_refused()
    {
        foreach (var sort in Enum.GetValues<GetSortQueryParameterType>())
        {
            var page = await Reader.Api.V1.Products.GetAsync(request =>
            {
                request.QueryParameters.Sort = sort;
                request.QueryParameters.PageSize = 100;
                // Relevance orders the matches of a search, and is refused without one.
                request.QueryParameters.Q = sort == GetSortQueryParameterType.Relevance ? "kettle" : null;
            });
            Assert.Equal(100, page!.PageSize);
        }

        var problem = await Assert.ThrowsAsync<HttpValidationProblemDetails>(() =>
            Reader.Api.V1.Products.GetAsync(request => request.QueryParameters.PageSize = 101));

        Assert.Equal(400, problem.ResponseStatusCode);
        Assert.Equal(["pageSize"], problem.Messages().Keys);
    }

    [Fact]
    public async Task A_product_is_read_by_its_slug()
    {
        var created = await CreateProductAsync("Kettle Pro", 49.99m, stock: 4, await CategoryAsync("Kitchen"));

        var read = await Reader.Api.V1.Products.BySlug["kettle-pro"].GetAsync();

        Assert.Equal((created.Id, "Kettle Pro", 49.99m, 4), (read!.Id, read.Name, read.Price, read.Stock));
    }

    [Fact]
    public async Task An_update_with_the_current_ETag_succeeds_and_one_with_a_stale_ETag_is_a_412_problem()
    {
        var product = await CreateProductAsync("Lamp", 15.00m, stock: 3, await CategoryAsync("Lighting"));
        HeadersInspectionHandlerOption? read = null;
        await Reader.Api.V1.Products[product.Id!.Value].GetAsync(request => read = request.InspectResponseHeaders());
        var staleTag = read!.ETag();

        HeadersInspectionHandlerOption? saved = null;
        var updated = await Admin.Api.V1.Products[product.Id.Value].PutAsync(Request(product, price: 17.25m), request =>
        {
            request.Headers.Add("If-Match", staleTag);
            saved = request.InspectResponseHeaders();
        });
        var problem = await Assert.ThrowsAsync<ProblemDetails>(() =>
            Admin.Api.V1.Products[product.Id.Value].PutAsync(Request(product, price: 1.00m), request => request.Headers.Add("If-Match", staleTag)));

        Assert.Equal(17.25m, updated!.Price);
        Assert.NotEqual(staleTag, saved!.ETag());
        Assert.Equal((412, "Product.PreconditionFailed"), (problem.ResponseStatusCode, problem.Code));
        Assert.Equal(17.25m, (await Reader.Api.V1.Products[product.Id.Value].GetAsync())!.Price);
    }

    [Fact]
    public async Task An_invalid_product_is_a_400_problem_that_names_each_field()
    {
        var problem = await Assert.ThrowsAsync<HttpValidationProblemDetails>(() =>
            Admin.Api.V1.Products.PostAsync(new ProductRequest { Name = "Chair", Price = -1m, Stock = -2 }));

        Assert.Equal(400, problem.ResponseStatusCode);
        var messages = problem.Messages();
        Assert.Equal(["categoryId", "price", "stock"], messages.Keys.Order(StringComparer.Ordinal));
        Assert.All(messages.Values, field => Assert.NotEmpty(field));
    }

    private async Task<int> CategoryAsync(string name) =>
        (await Admin.Api.V1.Categories.PostAsync(new CategoryRequest { Name = name }))!.Id!.Value;

    private async Task<ProductDto> CreateProductAsync(string name, decimal price, int stock, int? categoryId) =>
        (await Admin.Api.V1.Products.PostAsync(new ProductRequest { Name = name, Price = price, Stock = stock, CategoryId = categoryId }))!;

    private static ProductRequest Request(ProductDto product, decimal price) => new()
    {
        Name = product.Name,
        Slug = product.Slug,
        Price = price,
        Stock = product.Stock,
        CategoryId = product.CategoryId,
    };
}
