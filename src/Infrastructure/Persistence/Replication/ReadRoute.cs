using Ecommerce.Infrastructure.Persistence.Connections;

namespace Ecommerce.Infrastructure.Persistence.Replication;

/// <summary>Where a request's queries go: the primary's query pools, or one standby's.</summary>
public sealed class ReadRoute
{
    internal ReadRoute(int index, string name, CatalogReads reads)
    {
        Index = index;
        Name = name;
        Reads = reads;
    }

    /// <summary>0 for the primary, then the replica hosts in the order <c>CatalogReplicas</c> lists them.</summary>
    public int Index { get; }

    public string Name { get; }

    internal CatalogReads Reads { get; }
}
