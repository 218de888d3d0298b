namespace Ecommerce.Application.Caching;

/// <summary>The current version of these tables: what a list or the tree is tagged with.</summary>
public sealed record GetCatalogVersionQuery(CatalogTables Tables) : IQuery<long>;

internal sealed class GetCatalogVersionHandler(ICatalogVersions versions) : IQueryHandler<GetCatalogVersionQuery, long>
{
    public async ValueTask<long> Handle(GetCatalogVersionQuery query, CancellationToken cancellationToken) =>
        await versions.CurrentAsync(query.Tables, cancellationToken);
}
