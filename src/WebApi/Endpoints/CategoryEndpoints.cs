using Ecommerce.Application.Caching;
using Ecommerce.Application.Categories;
using Ecommerce.WebApi.Http;
using Ecommerce.WebApi.Idempotency;
using Ecommerce.WebApi.OpenApi;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.WebApi.Endpoints;

public static class CategoryEndpoints
{
    public static RouteGroupBuilder MapCategoryEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/categories").WithTags("Categories");

        group.MapRead("/", List, shows: CatalogTables.Categories).WithName("ListCategories").WithSummary("Active categories, ordered by name")
            .Answers(StatusCodes.Status200OK, "Every active category, ordered by name.");
        group.MapRead("/tree", Tree, shows: CatalogTables.Categories).WithName("GetCategoryTree").WithSummary("Active categories nested under their parents")
            .Answers(StatusCodes.Status200OK, "The top-level active categories, each with its active subcategories in `children`, ordered by name.");
        group.MapRead("/{id:digits}", GetById).WithName("GetCategory").WithSummary("One active category")
            .ReturnsEntityTag().Answers(StatusCodes.Status200OK, "The category, with its version in `ETag`.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapRead("/by-slug/{slug}", GetBySlug).WithName("GetCategoryBySlug").WithSummary("One active category by slug")
            .ReturnsEntityTag().Answers(StatusCodes.Status200OK, "The category, with its version in `ETag`.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var writes = group.MapWrites();
        writes.MapPost("/", Create).WithName("CreateCategory").WithSummary("Create a category")
            .WithDescription("Without `slug`, the new category gets one made from its name, transliterated to ASCII (`Смартфоны` gives `smartfony`), "
                + "with `-2`, `-3`, ... appended while that slug is taken. An explicit slug that is taken gives `409`.")
            .ReturnsEntityTag().Answers(StatusCodes.Status201Created, "The new category, with its URL in `Location` and its version in `ETag`.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .AcceptsIdempotencyKey();
        writes.MapPut("/{id:digits}", Update).WithName("UpdateCategory").WithSummary("Replace a category")
            .WithDescription("Replaces the name, slug and parent. Without `slug` the category keeps its own, so that its links do not break. "
                + "Send the `ETag` you read in `If-Match` so as not to overwrite a change made since.")
            .ReturnsEntityTag().Answers(StatusCodes.Status200OK, "The category as saved, with its new version in `ETag`.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        writes.MapDelete("/{id:digits}", Delete).WithName("DeleteCategory").WithSummary("Deactivate a category")
            .WithDescription("A soft delete: the category stays stored but reads no longer show it. "
                + "Refused with `409` while it has active subcategories or active products.")
            .Answers(StatusCodes.Status204NoContent, "The category is deactivated.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<CategoryDto>>, ProblemHttpResult>> List(
        ISender sender, HttpContext context, CancellationToken cancellationToken) =>
        (await sender.Send(new ListCategoriesQuery(), cancellationToken)).ToOk(context);

    private static async Task<Results<CategoryTreeResult, ProblemHttpResult>> Tree(
        ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var tree = await sender.Send(new GetCategoryTreeQuery(), cancellationToken);
        return tree.IsSuccess ? new CategoryTreeResult(tree.Value) : tree.Error.ToProblem(context);
    }

    private static async Task<Results<Ok<CategoryDto>, ProblemHttpResult, StatusCodeHttpResult>> GetById(
        int id, ISender sender, KnownEntityTags known, HttpContext context, CancellationToken cancellationToken)
    {
        var read = known.Begin(context, ResourceKey.ById(CatalogTables.Categories, id));
        return read.NotModified is { } notModified
            ? notModified
            : read.Answer(await sender.Send(new GetCategoryQuery(id), cancellationToken), category => category.Version);
    }

    private static async Task<Results<Ok<CategoryDto>, ProblemHttpResult, StatusCodeHttpResult>> GetBySlug(
        string slug, ISender sender, KnownEntityTags known, HttpContext context, CancellationToken cancellationToken)
    {
        var read = known.Begin(context, ResourceKey.BySlug(CatalogTables.Categories, slug));
        return read.NotModified is { } notModified
            ? notModified
            : read.Answer(await sender.Send(new GetCategoryBySlugQuery(slug), cancellationToken), category => category.Version);
    }

    private static async Task<Results<Created<CategoryDto>, ProblemHttpResult>> Create(
        CategoryBody body, ISender sender, HttpContext context, CancellationToken cancellationToken) =>
        (await sender.Send(new CreateCategoryCommand(body), cancellationToken))
            .ToCreated(context, category => $"{CatalogApi.Prefix}/categories/{category.Id}", category => category.Version);

    private static async Task<Results<Ok<CategoryDto>, ProblemHttpResult>> Update(
        int id, CategoryBody body, ISender sender, HttpContext context, CancellationToken cancellationToken) =>
        (await sender.Send(new UpdateCategoryCommand(id, body, context.Request.IfMatch()), cancellationToken))
            .ToOk(context, category => category.Version);

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        int id, ISender sender, HttpContext context, CancellationToken cancellationToken) =>
        (await sender.Send(new DeleteCategoryCommand(id, context.Request.IfMatch()), cancellationToken)).ToNoContent(context);
}
