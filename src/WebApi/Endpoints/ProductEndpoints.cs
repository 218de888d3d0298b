using Ecommerce.Application.Caching;
using Ecommerce.Application.Common.Paging;
using Ecommerce.Application.Common.Results;
using Ecommerce.Application.Products;
using Ecommerce.WebApi.Http;
using Ecommerce.WebApi.Idempotency;
using Ecommerce.WebApi.OpenApi;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace Ecommerce.WebApi.Endpoints;

public static class ProductEndpoints
{
    public static RouteGroupBuilder MapProductEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/products").WithTags("Products");

        group.MapRead("/", List, shows: CatalogTables.Products | CatalogTables.Categories).WithName("ListProducts").WithSummary("A page of active products, filtered and sorted")
            .WithQueryParameters(ProductListQuery.Parameters)
            .Answers(StatusCodes.Status200OK, "The page asked for, with the number of matching products across all pages.")
            .ProducesValidationProblem();
        group.MapRead("/{id:digits}", GetById).WithName("GetProduct").WithSummary("One active product")
            .ReturnsEntityTag().Answers(StatusCodes.Status200OK, "The product, with its version in `ETag`.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapRead("/by-slug/{slug}", GetBySlug).WithName("GetProductBySlug").WithSummary("One active product by slug")
            .ReturnsEntityTag().Answers(StatusCodes.Status200OK, "The product, with its version in `ETag`.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var writes = group.MapWrites();
        writes.MapPost("/", Create).WithName("CreateProduct").WithSummary("Create a product")
            .WithDescription("Without `slug`, the new product gets one made from its name, transliterated to ASCII, "
                + "with `-2`, `-3`, ... appended while that slug is taken. An explicit slug that is taken gives `409`.")
            .ReturnsEntityTag().Answers(StatusCodes.Status201Created, "The new product, with its URL in `Location` and its version in `ETag`.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .AcceptsIdempotencyKey();
        writes.MapPut("/{id:digits}", Update).WithName("UpdateProduct").WithSummary("Replace a product")
            .WithDescription("Replaces every field. Without `slug` the product keeps its own, so that its links do not break. "
                + "Send the `ETag` you read in `If-Match` so as not to overwrite a change made since.")
            .ReturnsEntityTag().Answers(StatusCodes.Status200OK, "The product as saved, with its new version in `ETag`.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        writes.MapDelete("/{id:digits}", Delete).WithName("DeleteProduct").WithSummary("Deactivate a product")
            .WithDescription("A soft delete: the product stays stored but reads no longer show it.")
            .Answers(StatusCodes.Status204NoContent, "The product is deactivated.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return api;
    }

    private static async Task<Results<Ok<PagedList<ProductDto>>, ProblemHttpResult>> List(
        [AsParameters] ProductListRequest request, ISender sender, HttpContext context, CancellationToken cancellationToken) =>
        request.ToQuery(out var errors) is { } query
            ? (await sender.Send(query, cancellationToken))
                .Match<Result<PagedList<ProductDto>>>(page => page with { Next = NextPage(context.Request, page) }, error => error)
                .ToOk(context)
            : Error.Validation(errors).ToProblem(context);

    /// <summary>This request's URL with the cursor of the page that follows in place of <c>page</c> and <c>after</c>.</summary>
    private static string? NextPage(HttpRequest request, PagedList<ProductDto> page) =>
        page.NextCursor is { } cursor
            ? QueryHelpers.AddQueryString(
                request.PathBase.Add(request.Path).Value!,
                request.Query.Where(parameter => !IsPosition(parameter.Key))
                    .SelectMany(parameter => parameter.Value.Select(value => KeyValuePair.Create(parameter.Key, value)))
                    .Append(KeyValuePair.Create("after", (string?)cursor)))
            : null;

    private static bool IsPosition(string parameter) =>
        parameter.Equals("page", StringComparison.OrdinalIgnoreCase) || parameter.Equals("after", StringComparison.OrdinalIgnoreCase);

    private static async Task<Results<Ok<ProductDto>, ProblemHttpResult, StatusCodeHttpResult>> GetById(
        int id, ISender sender, KnownEntityTags known, HttpContext context, CancellationToken cancellationToken)
    {
        var read = known.Begin(context, ResourceKey.ById(CatalogTables.Products, id));
        return read.NotModified is { } notModified
            ? notModified
            : read.Answer(await sender.Send(new GetProductQuery(id), cancellationToken), product => product.Version);
    }

    private static async Task<Results<Ok<ProductDto>, ProblemHttpResult, StatusCodeHttpResult>> GetBySlug(
        string slug, ISender sender, KnownEntityTags known, HttpContext context, CancellationToken cancellationToken)
    {
        var read = known.Begin(context, ResourceKey.BySlug(CatalogTables.Products, slug));
        return read.NotModified is { } notModified
            ? notModified
            : read.Answer(await sender.Send(new GetProductBySlugQuery(slug), cancellationToken), product => product.Version);
    }

    private static async Task<Results<Created<ProductDto>, ProblemHttpResult>> Create(
        ProductBody body, ISender sender, HttpContext context, CancellationToken cancellationToken) =>
        (await sender.Send(new CreateProductCommand(body), cancellationToken))
            .ToCreated(context, product => $"{CatalogApi.Prefix}/products/{product.Id}", product => product.Version);

    private static async Task<Results<Ok<ProductDto>, ProblemHttpResult>> Update(
        int id, ProductBody body, ISender sender, HttpContext context, CancellationToken cancellationToken) =>
        (await sender.Send(new UpdateProductCommand(id, body, context.Request.IfMatch()), cancellationToken))
            .ToOk(context, product => product.Version);

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        int id, ISender sender, HttpContext context, CancellationToken cancellationToken) =>
        (await sender.Send(new DeleteProductCommand(id, context.Request.IfMatch()), cancellationToken)).ToNoContent(context);
}
