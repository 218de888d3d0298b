using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ecommerce.Application.Common.Serialization;

/// <summary>
/// Reads a JSON number into a decimal only when no digit is lost. The serializer rounds what does not
/// fit decimal's 28 decimal places (<c>1e-30</c> becomes <c>0</c>), which would store a value the
/// client never sent; such a number is refused as a value the field cannot hold, like <c>1e400</c>.
/// </summary>
public sealed class ExactDecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDecimal(out var value))
        {
            throw new JsonException("The value is not a number that fits a decimal.");
        }

        var text = Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
        return Normalized(text) == Normalized(value.ToString(CultureInfo.InvariantCulture))
            ? value
            : throw new JsonException("The number has more digits than a decimal holds.");
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value);

    /// <summary>
    /// A number as sign, significant digits and power of ten, so that <c>1.50</c>, <c>15e-1</c> and
    /// <c>0.15E1</c> compare equal. Zero has no sign.
    /// </summary>
    private static (bool Negative, string Digits, long Exponent) Normalized(string number)
    {
        var negative = number.StartsWith('-');
        var unsigned = negative ? number[1..] : number;
        var exponentAt = unsigned.AsSpan().IndexOfAny('e', 'E');
        var mantissa = exponentAt < 0 ? unsigned : unsigned[..exponentAt];
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var allDigits = point < 0 ? mantissa : string.Concat(mantissa.AsSpan(0, point), mantissa.AsSpan(point + 1));
        var significant = allDigits.TrimStart('0');
        var digits = significant.TrimEnd('0');
        if (digits.Length == 0)
        {
            return (false, string.Empty, 0);
        }

        // An exponent beyond long's range cannot match a decimal's, whose digits then differ anyway.
        var exponent = exponentAt < 0
            ? 0
            : long.TryParse(unsigned.AsSpan(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : long.MinValue / 2;
        exponent += significant.Length - digits.Length - (point < 0 ? 0 : mantissa.Length - point - 1);
        return (negative, digits, exponent);
    }
}
