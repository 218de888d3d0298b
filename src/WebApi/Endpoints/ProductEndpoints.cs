using Ecommerce.Application.Common.Paging;
using Ecommerce.Application.Products;
using Ecommerce.WebApi.Http;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.WebApi.Endpoints;

public static class ProductEndpoints
{
    public static RouteGroupBuilder MapProductEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/products").WithTags("Products");

        group.MapGet("/", List).WithName("ListProducts").WithSummary("A page of active products, filtered and sorted")
            .ProducesValidationProblem();
        group.MapGet("/{id:int}", GetById).WithName("GetProduct").WithSummary("One active product")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/by-slug/{slug}", GetBySlug).WithName("GetProductBySlug").WithSummary("One active product by slug")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var writes = group.MapWrites();
        writes.MapPost("/", Create).WithName("CreateProduct").WithSummary("Create a product")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapPut("/{id:int}", Update).WithName("UpdateProduct").WithSummary("Replace a product")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        writes.MapDelete("/{id:int}", Delete).WithName("DeleteProduct").WithSummary("Deactivate a product")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return api;
    }

    private static async Task<Results<Ok<PagedList<ProductDto>>, ProblemHttpResult>> List(
        [AsParameters] ProductListRequest request, ISender sender, HttpContext context, CancellationToken cancellationToken) =>
        (await sender.Send(
            new ListProductsQuery(request.Category, request.Q, request.MinPrice, request.MaxPrice, request.InStock,
                request.Sort, request.Page, request.PageSize),
            cancellationToken)).ToOk(context);

    private static async Task<Results<Ok<ProductDto>, ProblemHttpResult>> GetById(
        int id, ISender sender, HttpContext context, CancellationToken cancellationToken) =>
        (await sender.Send(new GetProductQuery(id), cancellationToken)).ToOk(context, product => product.Version);

    private static async Task<Results<Ok<ProductDto>, ProblemHttpResult>> GetBySlug(
        string slug, ISender sender, HttpContext context, CancellationToken cancellationToken) =>
        (await sender.Send(new GetProductBySlugQuery(slug), cancellationToken)).ToOk(context, product => product.Version);

    private static async Task<Results<Created<ProductDto>, ProblemHttpResult>> Create(
        ProductRequest request, ISender sender, HttpContext context, CancellationToken cancellationToken) =>
        (await sender.Send(
            new CreateProductCommand(request.Name, request.Slug, request.Description, request.Price, request.ImageUrl,
                request.Stock, request.CategoryId),
            cancellationToken)).ToCreated(context, product => $"{CatalogApi.Prefix}/products/{product.Id}", product => product.Version);

    private static async Task<Results<Ok<ProductDto>, ProblemHttpResult>> Update(
        int id, ProductRequest request, ISender sender, HttpContext context, CancellationToken cancellationToken) =>
        (await sender.Send(
            new UpdateProductCommand(id, request.Name, request.Slug, request.Description, request.Price, request.ImageUrl,
                request.Stock, request.CategoryId, context.Request.IfMatch()),
            cancellationToken)).ToOk(context, product => product.Version);

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        int id, ISender sender, HttpContext context, CancellationToken cancellationToken) =>
        (await sender.Send(new DeleteProductCommand(id, context.Request.IfMatch()), cancellationToken)).ToNoContent(context);
}
