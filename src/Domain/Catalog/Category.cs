using Ecommerce.Domain.Common;

namespace Ecommerce.Domain.Catalog;

/// <summary>A node of the category tree. Categories are never removed, only deactivated.</summary>
public sealed class Category
{
    public const int MaxNameLength = 100;

    private Category(string name, string slug)
    {
        Name = name;
        Slug = slug;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public string Slug { get; private set; }

    public int? ParentId { get; private set; }

    public bool IsActive { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>Changes on every write; backs the ETag and optimistic concurrency.</summary>
    public uint Version { get; private set; }

    public static Category Create(string name, Slug slug, int? parentId, DateTime now)
    {
        Guard.Utc(now, nameof(now));
        return new Category(Guard.RequiredText(name, MaxNameLength, "Name"), slug.Value)
        {
            ParentId = parentId,
            IsActive = true,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <param name="newParentLineage">
    /// The new parent and all of its ancestors, so that a move under one's own descendant is refused.
    /// </param>
    public void Update(string name, Slug slug, int? parentId, IReadOnlyCollection<int> newParentLineage, DateTime now)
    {
        if (WouldBecomeItsOwnAncestor(parentId, newParentLineage))
        {
            throw new DomainRuleException("A category cannot become its own ancestor.");
        }

        var checkedName = Guard.RequiredText(name, MaxNameLength, "Name");
        UpdatedAt = Guard.Utc(now, nameof(now));
        Name = checkedName;
        Slug = slug.Value;
        ParentId = parentId;
    }

    public bool WouldBecomeItsOwnAncestor(int? parentId, IReadOnlyCollection<int> newParentLineage) =>
        parentId is not null && Id != 0 && (parentId == Id || newParentLineage.Contains(Id));

    public void Deactivate(DateTime now)
    {
        IsActive = false;
        UpdatedAt = Guard.Utc(now, nameof(now));
    }
}
