namespace Ecommerce.Application.Categories;

public sealed record GetCategoryQuery(int Id) : IQuery<Result<CategoryDto>>;

internal sealed class GetCategoryHandler(ICategoryReader reader) : IQueryHandler<GetCategoryQuery, Result<CategoryDto>>
{
    public async ValueTask<Result<CategoryDto>> Handle(GetCategoryQuery query, CancellationToken cancellationToken) =>
        await reader.FindActiveAsync(query.Id, cancellationToken) is { } category
            ? category
            : Error.NotFound("Category");
}
