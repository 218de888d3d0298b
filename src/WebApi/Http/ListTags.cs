using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ecommerce.WebApi.Http;

/// <summary>
/// Weak tags of lists and of the tree: the version of the tables they show and a hash of the path
/// and query that chose the rows, so that different queries never share a tag.
/// </summary>
public static class ListTags
{
    public static string For(long version, HttpRequest request) =>
        string.Create(CultureInfo.InvariantCulture, $"W/\"{version}-{QueryHash(request)}\"");

    /// <summary>
    /// The path, then every query parameter sorted by name, each value in the order given: the same
    /// for the same query however its parameters are ordered.
    /// </summary>
    private static string QueryHash(HttpRequest request)
    {
        var text = new StringBuilder(request.Path.Value);
        foreach (var (name, values) in request.Query.OrderBy(parameter => parameter.Key, StringComparer.Ordinal))
        {
            foreach (var value in values)
            {
                // Lengths first, so that no name or value can pass for a separator.
                text.Append(CultureInfo.InvariantCulture, $"\n{name.Length}:{name}={value?.Length ?? -1}:{value}");
            }
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }
}
