using Ecommerce.Application.Common.Rules;

namespace Ecommerce.Application.Categories;

/// <summary>A parent must be an active category, and a category may not become its own ancestor.</summary>
internal static class CategoryParentRule
{
    /// <returns>The new parent's lineage (itself and its ancestors), or why the parent is refused.</returns>
    public static async Task<Result<IReadOnlyCollection<int>>> CheckAsync(
        ICategoryRepository categories, Category? moving, int? parentId, CancellationToken cancellationToken)
    {
        if (parentId is not { } id)
        {
            return Array.Empty<int>();
        }

        if (!await categories.IsActiveAsync(id, cancellationToken))
        {
            return CatalogRuleErrors.For(CatalogRule.ParentIsActive);
        }

        var lineage = await categories.GetLineageAsync(id, cancellationToken);
        return moving is not null && moving.WouldBecomeItsOwnAncestor(id, lineage)
            ? CatalogRuleErrors.For(CatalogRule.TreeHasNoCycle)
            : Result<IReadOnlyCollection<int>>.Success(lineage);
    }
}
