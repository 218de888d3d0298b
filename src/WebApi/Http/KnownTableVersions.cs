using Ecommerce.Application.Caching;

namespace Ecommerce.WebApi.Http;

/// <summary>
/// The version of the tables a list shows (its tag's version), as last read, with the position of
/// the change feed before that read. While the position has not moved, nothing was committed to those
/// tables since, so the version is still current and the list neither reads it again nor, when the
/// tag matches, reads anything at all.
/// </summary>
public sealed class KnownTableVersions(ICatalogChangeFeed changes)
{
    private readonly Known?[] _known = new Known?[(int)(CatalogTables.Categories | CatalogTables.Products) + 1];

    /// <summary>The version of <paramref name="tables"/>, from memory when it is known to be current, else from <paramref name="read"/>.</summary>
    public async ValueTask<long> CurrentAsync(HttpContext context, CatalogTables tables, Func<HttpContext, CatalogTables, ValueTask<long>> read)
    {
        var position = changes.ChangePosition(context.Request, tables);
        if (position is { } now && Volatile.Read(ref _known[(int)tables]) is { } known && known.Position == now)
        {
            return known.Version;
        }

        var version = await read(context, tables);
        if (position is { } before)
        {
            Volatile.Write(ref _known[(int)tables], new Known(version, before));
        }

        return version;
    }

    private sealed record Known(long Version, long Position);
}
