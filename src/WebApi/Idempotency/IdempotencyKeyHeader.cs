using Microsoft.Extensions.Primitives;

namespace Ecommerce.WebApi.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c> request header: a Structured Field string (RFC 8941), such as
/// <c>"8e03978e-40d5-43e8-bc93-6894a57f9324"</c>, of 1 to 255 printable ASCII characters. The same
/// characters without the quotes are read as the same key, as many clients send them.
/// </summary>
internal static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";
    public const int MaxLength = Infrastructure.Persistence.Idempotency.IdempotencyRecord.MaxKeyLength;

    public static bool TryParse(StringValues values, out string key, out string problem)
    {
        key = string.Empty;
        if (values.Count != 1)
        {
            problem = "Send one Idempotency-Key header, not several.";
            return false;
        }

        var text = (values[0] ?? string.Empty).Trim(' ');
        var parsed = text.StartsWith('"') ? ParseString(text) : ParseBare(text);
        if (parsed is null)
        {
            problem = "The Idempotency-Key must be a quoted string of printable ASCII characters, such as \"8e03978e-40d5-43e8-bc93-6894a57f9324\".";
            return false;
        }

        if (parsed.Length is 0 or > MaxLength)
        {
            problem = $"The Idempotency-Key must be 1 to {MaxLength} characters long.";
            return false;
        }

        key = parsed;
        problem = string.Empty;
        return true;
    }

    /// <summary>RFC 8941 section 4.2.5: printable ASCII between quotes, where only <c>\"</c> and <c>\\</c> are escapes.</summary>
    private static string? ParseString(string text)
    {
        var key = new System.Text.StringBuilder(text.Length);
        for (var index = 1; index < text.Length; index++)
        {
            var character = text[index];
            if (character == '\\')
            {
                if (++index == text.Length || text[index] is not ('"' or '\\'))
                {
                    return null;
                }

                key.Append(text[index]);
            }
            else if (character == '"')
            {
                // Parameters or anything else after the string are not part of this header's syntax.
                return index == text.Length - 1 ? key.ToString() : null;
            }
            else if (character is < ' ' or > '~')
            {
                return null;
            }
            else
            {
                key.Append(character);
            }
        }

        return null;
    }

    /// <summary>A key sent without quotes: visible ASCII with none of the characters that would make it ambiguous.</summary>
    private static string? ParseBare(string text) =>
        text.All(character => character is > ' ' and <= '~' and not ('"' or '\\' or ',' or ';')) ? text : null;
}
