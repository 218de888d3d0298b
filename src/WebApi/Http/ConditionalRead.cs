using Ecommerce.Application.Common.Results;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.WebApi.Http;

/// <summary>
/// One conditional read of a single resource, answered in the endpoint rather than by a filter (with
/// a filter, minimal APIs box every argument and result). Every <c>200</c> gets its <c>ETag</c> and
/// <c>Cache-Control</c>; one whose tag <c>If-None-Match</c> names becomes a <c>304</c> with the same
/// headers and no body; <c>HEAD</c> runs as <c>GET</c> with the body thrown away.
/// </summary>
public readonly struct ConditionalRead
{
    private readonly HttpContext _context;
    private readonly KnownEntityTags _known;
    private readonly ResourceKey _resource;
    private readonly long? _position;
    private readonly string? _notModifiedTag;

    internal ConditionalRead(HttpContext context, KnownEntityTags known, ResourceKey resource, long? position, string? notModifiedTag)
    {
        _context = context;
        _known = known;
        _resource = resource;
        _position = position;
        _notModifiedTag = notModifiedTag;
    }

    /// <summary>The <c>304</c> that memory answers, with its headers set; null when the resource must be read.</summary>
    public StatusCodeHttpResult? NotModified => _notModifiedTag is { } tag ? CachePolicy.NotModified(_context.Response, tag) : null;

    /// <summary>The answer to what the read found.</summary>
    public Results<Ok<T>, ProblemHttpResult, StatusCodeHttpResult> Answer<T>(Result<T> result, Func<T, uint> version)
    {
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem(_context);
        }

        var tag = EntityTags.For(version(result.Value));
        if (_position is { } position)
        {
            _known.Remember(_resource, tag, position);
        }

        if (_context.Request.IfNoneMatch(tag))
        {
            return CachePolicy.NotModified(_context.Response, tag);
        }

        CachePolicy.Tag(_context.Response, tag);
        return TypedResults.Ok(result.Value);
    }
}
