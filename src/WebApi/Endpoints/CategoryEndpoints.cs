using Ecommerce.Application.Categories;
using Ecommerce.WebApi.Http;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.WebApi.Endpoints;

public static class CategoryEndpoints
{
    public static RouteGroupBuilder MapCategoryEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/categories").WithTags("Categories");

        group.MapGet("/", List).WithName("ListCategories").WithSummary("Active categories, ordered by name");
        group.MapGet("/tree", Tree).WithName("GetCategoryTree").WithSummary("Active categories nested under their parents");
        group.MapGet("/{id:int}", GetById).WithName("GetCategory").WithSummary("One active category")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/by-slug/{slug}", GetBySlug).WithName("GetCategoryBySlug").WithSummary("One active category by slug")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var writes = group.MapWrites();
        writes.MapPost("/", Create).WithName("CreateCategory").WithSummary("Create a category")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        writes.MapPut("/{id:int}", Update).WithName("UpdateCategory").WithSummary("Replace a category")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        writes.MapDelete("/{id:int}", Delete).WithName("DeleteCategory").WithSummary("Deactivate a category")
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

    private static async Task<Results<Ok<CategoryDto>, ProblemHttpResult>> GetById(
        int id, ISender sender, HttpContext context, CancellationToken cancellationToken) =>
        (await sender.Send(new GetCategoryQuery(id), cancellationToken)).ToOk(context, category => category.Version);

    private static async Task<Results<Ok<CategoryDto>, ProblemHttpResult>> GetBySlug(
        string slug, ISender sender, HttpContext context, CancellationToken cancellationToken) =>
        (await sender.Send(new GetCategoryBySlugQuery(slug), cancellationToken)).ToOk(context, category => category.Version);

    private static async Task<Results<Created<CategoryDto>, ProblemHttpResult>> Create(
        CategoryRequest request, ISender sender, HttpContext context, CancellationToken cancellationToken) =>
        (await sender.Send(new CreateCategoryCommand(request.Name, request.Slug, request.ParentId), cancellationToken))
            .ToCreated(context, category => $"{CatalogApi.Prefix}/categories/{category.Id}", category => category.Version);

    private static async Task<Results<Ok<CategoryDto>, ProblemHttpResult>> Update(
        int id, CategoryRequest request, ISender sender, HttpContext context, CancellationToken cancellationToken) =>
        (await sender.Send(
            new UpdateCategoryCommand(id, request.Name, request.Slug, request.ParentId, context.Request.IfMatch()),
            cancellationToken)).ToOk(context, category => category.Version);

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        int id, ISender sender, HttpContext context, CancellationToken cancellationToken) =>
        (await sender.Send(new DeleteCategoryCommand(id, context.Request.IfMatch()), cancellationToken)).ToNoContent(context);
}
