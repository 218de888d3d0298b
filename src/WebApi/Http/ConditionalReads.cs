using Ecommerce.Application.Caching;
using Ecommerce.WebApi.Hosting;

namespace Ecommerce.WebApi.Http;

/// <summary>
/// How the catalog's reads are mapped: for <c>GET</c> and <c>HEAD</c> alike, answered conditionally
/// (a resource by its endpoint through <see cref="ConditionalRead"/>, many rows by <see cref="ConditionalGetFilter"/>).
/// </summary>
public static class ConditionalReads
{
    private static readonly string[] ReadMethods = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>A read of one resource, whose handler answers through a <see cref="ConditionalRead"/>.</summary>
    public static RouteHandlerBuilder MapRead(this RouteGroupBuilder group, string pattern, Delegate handler) =>
        group.MapMethods(pattern, ReadMethods, handler)
            .WithMetadata(ConditionalReadMetadata.OneResource);

    /// <summary>A read of many rows, tagged with the version of the tables they come from and its query.</summary>
    public static RouteHandlerBuilder MapRead(this RouteGroupBuilder group, string pattern, Delegate handler, CatalogTables shows) =>
        group.MapMethods(pattern, ReadMethods, handler)
            .AddEndpointFilter(new ConditionalGetFilter(shows))
            .WithMetadata(ConditionalReadMetadata.ManyRows);

    /// <summary><c>HEAD</c> runs as <c>GET</c>, its body thrown away.</summary>
    internal static void DropTheBodyOfHead(HttpContext context)
    {
        if (HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Body = Stream.Null;
        }
    }

    /// <summary>
    /// The change feed's position for <paramref name="tables"/>, or null when memory may not answer: no
    /// position, or a client that shows a consistency token, which asks for a host that has its write
    /// and which only a read proves.
    /// </summary>
    internal static long? ChangePosition(this ICatalogChangeFeed changes, HttpRequest request, CatalogTables tables) =>
        request.Headers.ContainsKey(ReadConsistency.HeaderName) ? null : changes.Position(tables);
}

/// <summary>Marks a conditional read for the OpenAPI document; <see cref="IsList"/> says whether its tag is weak.</summary>
public sealed record ConditionalReadMetadata(bool IsList)
{
    public static readonly ConditionalReadMetadata OneResource = new(IsList: false);
    public static readonly ConditionalReadMetadata ManyRows = new(IsList: true);
}
