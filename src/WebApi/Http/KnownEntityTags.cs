using Ecommerce.Application.Caching;

namespace Ecommerce.WebApi.Http;

/// <summary>
/// The tags of the single resources this instance has served, each with the position of its table's
/// change feed before it was read. While that position has not moved, the feed has seen no change to
/// the table since the read (it sees one within a poll of the versions), so an <c>If-None-Match</c>
/// naming the tag is answered <c>304</c> from memory, without the database. Any doubt (no position, a consistency token, a tag not known)
/// reads the row as usual.
/// </summary>
public sealed class KnownEntityTags(ICatalogChangeFeed changes, int capacity = KnownEntityTags.DefaultCapacity)
{
    /// <summary>About 100 bytes each: a few megabytes at most.</summary>
    public const int DefaultCapacity = 50_000;

    private readonly ChangeFeedMemory<ResourceKey, string> _known = new(capacity);

    /// <summary>Starts a read of <paramref name="resource"/>: <see cref="ConditionalRead.NotModified"/> is set when memory can answer it.</summary>
    public ConditionalRead Begin(HttpContext context, ResourceKey resource)
    {
        ConditionalReads.DropTheBodyOfHead(context);
        if (changes.ChangePosition(context.Request, resource.Table) is not { } position)
        {
            return new ConditionalRead(context, this, resource, position: null, notModifiedTag: null);
        }

        var notModifiedTag = context.Request.Headers.IfNoneMatch.Count > 0
            && _known.TryGet(resource, position, out var tag)
            && context.Request.IfNoneMatch(tag)
                ? tag
                : null;
        return new ConditionalRead(context, this, resource, position, notModifiedTag);
    }

    internal void Remember(ResourceKey resource, string tag, long position) => _known.Remember(resource, tag, position);
}

/// <summary>A single resource by id or by slug, and the table whose changes it shows.</summary>
public readonly record struct ResourceKey(CatalogTables Table, int Id, string? Slug)
{
    public static ResourceKey ById(CatalogTables table, int id) => new(table, id, null);

    public static ResourceKey BySlug(CatalogTables table, string slug) => new(table, 0, slug);
}
