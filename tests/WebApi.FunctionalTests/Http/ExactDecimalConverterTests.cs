using Ecommerce.Application.Common.Serialization;

namespace Ecommerce.WebApi.FunctionalTests.Http;

public sealed class ExactDecimalConverterTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new ExactDecimalConverter() } };

    [Theory]
    [InlineData("1.50", "1.50")]
    [InlineData("15e-1", "1.5")]
    [InlineData("0.15E1", "1.5")]
    [InlineData("1E2", "100")]
    [InlineData("99999999.99", "99999999.99")]
    [InlineData("0", "0")]
    [InlineData("-0", "0")]
    [InlineData("0e-99999999999999999999", "0")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("0.0000000000000000000000000001", "0.0000000000000000000000000001")]
    public void A_number_a_decimal_holds_exactly_is_read(string json, string expected) =>
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), JsonSerializer.Deserialize<decimal>(json, Options));

    [Theory]
    [InlineData("1e-30")]
    [InlineData("0.00000000000000000000000000001")]
    [InlineData("1.000000000000000000000000000000001")]
    [InlineData("12345678901234567890123456789012")]
    [InlineData("1e400")]
    [InlineData("1e-99999999999999999999")]
    [InlineData("\"1\"")]
    [InlineData("true")]
    public void A_number_a_decimal_would_round_or_cannot_hold_is_refused(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<decimal>(json, Options));

    [Fact]
    public void Writing_is_the_plain_number() =>
        Assert.Equal("12.50", JsonSerializer.Serialize(12.50m, Options));
}
