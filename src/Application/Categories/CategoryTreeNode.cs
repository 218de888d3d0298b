namespace Ecommerce.Application.Categories;

public sealed record CategoryTreeNode(
    int Id,
    string Name,
    string Slug,
    int? ParentId,
    bool IsActive,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    IReadOnlyList<CategoryTreeNode> Children)
{
    /// <summary>
    /// Nests the categories under their parents, keeping the given order among siblings. A category
    /// whose parent is not in the list becomes a root, so nothing active is ever hidden.
    /// </summary>
    public static IReadOnlyList<CategoryTreeNode> Build(IReadOnlyList<CategoryDto> categories)
    {
        var ids = categories.Select(category => category.Id).ToHashSet();
        var children = categories
            .Where(category => category.ParentId is { } parent && ids.Contains(parent))
            .ToLookup(category => category.ParentId!.Value);

        CategoryTreeNode Node(CategoryDto category) => new(
            category.Id, category.Name, category.Slug, category.ParentId, category.IsActive,
            category.CreatedAt, category.UpdatedAt, [.. children[category.Id].Select(Node)]);

        return [.. categories.Where(category => category.ParentId is not { } parent || !ids.Contains(parent)).Select(Node)];
    }
}
