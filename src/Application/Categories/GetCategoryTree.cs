namespace Ecommerce.Application.Categories;

/// <summary>Active categories nested under their parents, siblings ordered by name.</summary>
public sealed record GetCategoryTreeQuery : IQuery<Result<IReadOnlyList<CategoryTreeNode>>>;

internal sealed class GetCategoryTreeHandler(ICategoryReader reader)
    : IQueryHandler<GetCategoryTreeQuery, Result<IReadOnlyList<CategoryTreeNode>>>
{
    public async ValueTask<Result<IReadOnlyList<CategoryTreeNode>>> Handle(GetCategoryTreeQuery query, CancellationToken cancellationToken) =>
        Result<IReadOnlyList<CategoryTreeNode>>.Success(CategoryTreeNode.Build(await reader.ListActiveAsync(cancellationToken)));
}
