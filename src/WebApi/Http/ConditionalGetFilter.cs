using Ecommerce.Application.Caching;
using Mediator;

namespace Ecommerce.WebApi.Http;

/// <summary>
/// Conditional and cacheable reads of many rows. Every <c>200</c> gets <c>Cache-Control</c>; one whose
/// tag <c>If-None-Match</c> names becomes a <c>304</c> with the same headers and no body. A list's tag
/// is the version of its tables, read before the list or known to be current
/// (<see cref="KnownTableVersions"/>): when it matches, the list is not read at all (unless the tag is
/// <c>*</c>, which matches only an answer the handler gives).
/// <c>HEAD</c> runs as <c>GET</c> with the body thrown away.
/// </summary>
internal sealed class ConditionalGetFilter(CatalogTables tables) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        ConditionalReads.DropTheBodyOfHead(http);

        var version = await http.RequestServices.GetRequiredService<KnownTableVersions>().CurrentAsync(http, tables, static (context, shown) =>
            context.RequestServices.GetRequiredService<ISender>().Send(new GetCatalogVersionQuery(shown), context.RequestAborted));
        var listTag = ListTags.For(version, http.Request);
        // A "*" waits for the handler, so that a query it refuses stays a 400.
        if (http.Request.IfNoneMatch(listTag, matchAny: false))
        {
            return CachePolicy.NotModified(http.Response, listTag);
        }

        var result = await next(context);
        if (StatusOf(result) != StatusCodes.Status200OK)
        {
            return result;
        }

        CachePolicy.Tag(http.Response, listTag);
        return http.Request.IfNoneMatch(listTag) ? CachePolicy.NotModified(http.Response, listTag) : result;
    }

    /// <summary>The status of a result, looking inside the <c>Results&lt;...&gt;</c> unions that endpoints return.</summary>
    private static int? StatusOf(object? result)
    {
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }

        return (result as IStatusCodeHttpResult)?.StatusCode;
    }
}
