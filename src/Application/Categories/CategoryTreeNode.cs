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
    /// whose parent is not in the list becomes a root, so nothing active is ever hidden; neither is a
    /// category caught in a parent cycle, which is shown once, under the first of the cycle to be met.
    /// </summary>
    /// <remarks>
    /// Clients build the tree, so it may be as deep as they like: the walk keeps its own stack rather
    /// than recursing, and each node is made after its children, as the immutable record requires.
    /// </remarks>
    public static IReadOnlyList<CategoryTreeNode> Build(IReadOnlyList<CategoryDto> categories)
    {
        var ids = categories.Select(category => category.Id).ToHashSet();
        var childrenOf = categories
            .Where(category => category.ParentId is { } parent && ids.Contains(parent))
            .ToLookup(category => category.ParentId!.Value);

        var walk = new TreeWalk(categories.Count);
        foreach (var category in categories.Where(category => category.ParentId is not { } parent || !ids.Contains(parent)))
        {
            walk.From(category, childrenOf);
        }

        foreach (var category in categories)
        {
            walk.From(category, childrenOf);
        }

        return walk.Nodes();
    }

    /// <summary>A depth-first walk that records, for each category, the children it was reached through.</summary>
    private sealed class TreeWalk(int capacity)
    {
        private readonly List<CategoryDto> _preOrder = new(capacity);
        private readonly List<CategoryDto> _roots = [];
        private readonly Dictionary<int, List<CategoryDto>> _children = new(capacity);
        private readonly Stack<(CategoryDto Category, CategoryDto? Parent)> _pending = new();

        /// <summary>Walks the subtree of <paramref name="start"/> as a root, unless it was reached already.</summary>
        public void From(CategoryDto start, ILookup<int, CategoryDto> childrenOf)
        {
            _pending.Push((start, null));
            while (_pending.TryPop(out var next))
            {
                if (!_children.TryAdd(next.Category.Id, []))
                {
                    continue;
                }

                _preOrder.Add(next.Category);
                (next.Parent is null ? _roots : _children[next.Parent.Id]).Add(next.Category);
                foreach (var child in childrenOf[next.Category.Id].Reverse())
                {
                    _pending.Push((child, next.Category));
                }
            }
        }

        /// <summary>Makes the nodes children first: in reverse pre-order every descendant comes before its ancestor.</summary>
        public IReadOnlyList<CategoryTreeNode> Nodes()
        {
            var nodes = new Dictionary<int, CategoryTreeNode>(_preOrder.Count);
            for (var index = _preOrder.Count - 1; index >= 0; index--)
            {
                var category = _preOrder[index];
                nodes[category.Id] = new CategoryTreeNode(
                    category.Id, category.Name, category.Slug, category.ParentId, category.IsActive,
                    category.CreatedAt, category.UpdatedAt, [.. _children[category.Id].Select(child => nodes[child.Id])]);
            }

            return [.. _roots.Select(root => nodes[root.Id])];
        }
    }
}
