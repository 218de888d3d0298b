namespace Ecommerce.WebApi.Http;

/// <summary>What caches may do with the catalog's reads.</summary>
public static class CachePolicy
{
    /// <summary>
    /// Any cache, shared ones included, may store a read (reads are the same for every client,
    /// token or not) but must revalidate it with its <c>ETag</c> before each use: an admin's change
    /// shows at once, and a revalidation costs the service a <c>304</c>, about the price of a read
    /// by id, without the body.
    /// </summary>
    public const string Revalidate = "public, no-cache";
}
