namespace Ecommerce.Application.Categories;

/// <summary>All active categories, ordered by name.</summary>
public sealed record ListCategoriesQuery : IQuery<Result<IReadOnlyList<CategoryDto>>>;

internal sealed class ListCategoriesHandler(ICategoryReader reader)
    : IQueryHandler<ListCategoriesQuery, Result<IReadOnlyList<CategoryDto>>>
{
    public async ValueTask<Result<IReadOnlyList<CategoryDto>>> Handle(ListCategoriesQuery query, CancellationToken cancellationToken) =>
        Result<IReadOnlyList<CategoryDto>>.Success(await reader.ListActiveAsync(cancellationToken));
}
