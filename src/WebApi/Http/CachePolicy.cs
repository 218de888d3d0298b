using Microsoft.AspNetCore.Http.HttpResults;

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

    private static readonly StatusCodeHttpResult NotModifiedResult = TypedResults.StatusCode(StatusCodes.Status304NotModified);

    /// <summary>The headers of every conditional read's <c>200</c> and <c>304</c>: its tag, and that caches must revalidate it.</summary>
    public static void Tag(HttpResponse response, string tag)
    {
        response.Headers.ETag = tag;
        response.Headers.CacheControl = Revalidate;
    }

    /// <summary>A <c>304</c> for <paramref name="tag"/>, with the headers its <c>200</c> would have had.</summary>
    public static StatusCodeHttpResult NotModified(HttpResponse response, string tag)
    {
        Tag(response, tag);
        return NotModifiedResult;
    }
}
