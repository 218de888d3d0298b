namespace Ecommerce.Application.Categories;

public sealed record GetCategoryBySlugQuery(string Slug) : IQuery<Result<CategoryDto>>;

internal sealed class GetCategoryBySlugHandler(ICategoryReader reader)
    : IQueryHandler<GetCategoryBySlugQuery, Result<CategoryDto>>
{
    public async ValueTask<Result<CategoryDto>> Handle(GetCategoryBySlugQuery query, CancellationToken cancellationToken) =>
        Domain.Catalog.Slug.IsValid(query.Slug) && await reader.FindActiveBySlugAsync(query.Slug, cancellationToken) is { } category
            ? category
            : Error.NotFound("Category");
}
