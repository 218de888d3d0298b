using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Ecommerce.WebApi.Idempotency;

/// <summary>
/// What a request asks for, as a hash: its operation (method, route and route values) and its JSON body
/// as the endpoint bound it. Bodies that mean the same thing (spacing, key order, an explicit
/// <c>null</c> for an absent field) have the same fingerprint.
/// </summary>
internal static class RequestFingerprint
{
    public static byte[] Of(HttpContext context, IList<object?> arguments)
    {
        var endpoint = context.GetEndpoint();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var operation = new StringBuilder()
            .Append(context.Request.Method).Append(' ').Append((endpoint as RouteEndpoint)?.RoutePattern.RawText).Append('\n');
        foreach (var (name, value) in context.Request.RouteValues.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            operation.Append(name).Append('=').Append(value).Append('\n');
        }

        hash.AppendData(Encoding.UTF8.GetBytes(operation.ToString()));
        if (endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is { } bodyType
            && arguments.FirstOrDefault(bodyType.IsInstanceOfType) is { } body)
        {
            var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(body, bodyType, json));
        }

        return hash.GetHashAndReset();
    }
}
