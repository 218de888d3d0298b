namespace Ecommerce.WebApi.FunctionalTests.Reliability;

/// <summary>
/// A product or category one load worker created, as its acknowledged writes left it. After a
/// write whose outcome is unknown the worker leaves it alone: it is then in one of two states.
/// </summary>
internal sealed class TrackedEntity(string table, int id, string name, string slug, uint version)
{
    public string Table { get; } = table;

    public int Id { get; } = id;

    public string Name { get; private set; } = name;

    public string Slug { get; } = slug;

    /// <summary>The row version the last acknowledged write answered with; a delete answers none.</summary>
    public uint? Version { get; private set; } = version;

    public bool IsActive { get; private set; } = true;

    /// <summary>The create and every later acknowledged write.</summary>
    public int AcknowledgedWrites { get; private set; } = 1;

    /// <summary>The name an update with an unknown outcome would have set.</summary>
    public string? UnknownName { get; private set; }

    public bool UnknownDelete { get; private set; }

    public bool IsSettled => UnknownName is null && !UnknownDelete;

    /// <summary>The name it was created with: renames append <c>~N</c> to it.</summary>
    public static string BaseName(string name) => name.Split('~')[0];

    public void Renamed(string newName, uint newVersion)
    {
        Name = newName;
        Version = newVersion;
        AcknowledgedWrites++;
    }

    public void Deleted()
    {
        IsActive = false;
        Version = null;
        AcknowledgedWrites++;
    }

    public void RenameUnknown(string newName) => UnknownName = newName;

    public void DeleteUnknown() => UnknownDelete = true;

    /// <summary>Whether the row is as the acknowledged writes left it, or as the one unknown write would have.</summary>
    public bool Matches(string name, string slug, bool isActive, uint version)
    {
        if (slug != Slug)
        {
            return false;
        }

        var asAcknowledged = name == Name && isActive == IsActive && (Version is null || version == Version);
        if (IsSettled)
        {
            return asAcknowledged;
        }

        var asAttempted = UnknownName is not null ? name == UnknownName && isActive == IsActive : name == Name && !isActive;
        return asAcknowledged || asAttempted;
    }
}
