using Ecommerce.Application.Caching;

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
}

/// <summary>Marks a conditional read for the OpenAPI document; <see cref="IsList"/> says whether its tag is weak.</summary>
public sealed record ConditionalReadMetadata(bool IsList)
{
    public static readonly ConditionalReadMetadata OneResource = new(IsList: false);
    public static readonly ConditionalReadMetadata ManyRows = new(IsList: true);
}
