using System.Globalization;
using Ecommerce.Application.Common.Concurrency;
using Microsoft.Net.Http.Headers;

namespace Ecommerce.WebApi.Http;

/// <summary>Strong ETags from row versions, <c>If-Match</c> as a version precondition, and <c>If-None-Match</c>.</summary>
public static class EntityTags
{
    public static string For(uint version) => string.Create(CultureInfo.InvariantCulture, $"\"{version}\"");

    public static void SetETag(this HttpResponse response, uint version) =>
        response.Headers.ETag = For(version);

    /// <summary>Null without <c>If-Match</c>. Weak or malformed tags never match (RFC 9110 uses strong comparison).</summary>
    public static VersionPrecondition? IfMatch(this HttpRequest request)
    {
        var header = request.Headers.IfMatch;
        if (header.Count == 0)
        {
            return null;
        }

        if (!EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return VersionPrecondition.None;
        }

        if (tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any)))
        {
            return VersionPrecondition.Any;
        }

        var versions = new List<uint>(tags.Count);
        foreach (var tag in tags)
        {
            if (!tag.IsWeak && uint.TryParse(tag.Tag.AsSpan(1, tag.Tag.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                versions.Add(version);
            }
        }

        return versions.Count == 0 ? VersionPrecondition.None : VersionPrecondition.OneOf(versions);
    }

    /// <summary>
    /// Whether <c>If-None-Match</c> names <paramref name="tag"/> or is <c>*</c>: weak comparison (RFC 9110,
    /// 13.1.2), so <c>W/"1"</c> and <c>"1"</c> match each other. Without the header, or with one that
    /// does not parse, nothing matches and the read is answered in full.
    /// </summary>
    public static bool IfNoneMatch(this HttpRequest request, string tag, bool matchAny = true)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0)
        {
            return false;
        }

        // What a client sends back nearly always: the one tag it was given, as given.
        if (header.Count == 1 && string.Equals(header[0], tag, StringComparison.Ordinal))
        {
            return true;
        }

        if (!EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return false;
        }

        var opaque = OpaqueTag(tag);
        foreach (var candidate in tags)
        {
            if ((matchAny && candidate.Equals(EntityTagHeaderValue.Any)) || candidate.Tag.AsSpan().SequenceEqual(opaque))
            {
                return true;
            }
        }

        return false;
    }

    private static ReadOnlySpan<char> OpaqueTag(string tag) =>
        tag.StartsWith("W/", StringComparison.Ordinal) ? tag.AsSpan(2) : tag.AsSpan();
}
