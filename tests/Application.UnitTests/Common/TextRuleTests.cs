using FluentValidation;
using FluentValidation.Results;

namespace Ecommerce.Application.UnitTests.Common;

/// <summary>
/// Text that System.Text.Json reads but PostgreSQL cannot store (a lone UTF-16 surrogate), and names
/// that only look filled in, are refused under the field that holds them.
/// </summary>
public sealed class TextRuleTests
{
    private const string ValidUrl = "https://cdn.example.com/p.png";

    // Keyed by a plain description: the test runner would replace a lone surrogate in a test's own name.
    private static readonly Dictionary<string, string> MalformedTexts = new()
    {
        ["a lone high surrogate"] = "\ud800",
        ["a lone low surrogate inside text"] = "a\udc00b",
        ["a high surrogate at the end"] = "ends with \ud83d",
        ["a pair in the wrong order"] = "\ude00\ud83d",
    };

    public static TheoryData<string> Malformed => [.. MalformedTexts.Keys];

    private static string[] Fields(ValidationResult result) =>
        [.. result.Errors.Select(error => error.PropertyName).Distinct().Order()];

    private static ValidationResult Validate<T>(IValidator<T> validator, T message) => validator.Validate(message);

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_lone_surrogate_in_a_category_body_is_refused_under_its_field(string malformed)
    {
        var text = MalformedTexts[malformed];
        Assert.Equal(["Name"], Fields(Validate(new CategoryBodyValidator(), new CategoryBody(text, null, null))));
        Assert.Equal(["Name"], Fields(Validate(new CategoryBodyValidator(), new CategoryBody("x" + text, null, null))));
        Assert.Equal(["Slug"], Fields(Validate(new CategoryBodyValidator(), new CategoryBody("Phones", text, null))));
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_lone_surrogate_in_a_product_body_is_refused_under_its_field(string malformed)
    {
        var text = MalformedTexts[malformed];
        var body = new ProductBodyValidator();

        Assert.Equal(["Name"], Fields(body.Validate(new ProductBody(text, null, null, 1m, null, 1, 1))));
        Assert.Equal(["Slug"], Fields(body.Validate(new ProductBody("P", text, null, 1m, null, 1, 1))));
        Assert.Equal(["Description"], Fields(body.Validate(new ProductBody("P", null, text, 1m, null, 1, 1))));
        Assert.Equal(["ImageUrl"], Fields(body.Validate(new ProductBody("P", null, null, 1m, ValidUrl + "?" + text, 1, 1))));
        Assert.Equal(["Description"], Fields(body.Validate(new ProductBody("P", null, text, 1m, null, 1, 1))));
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_lone_surrogate_in_a_query_value_is_refused_under_its_parameter(string malformed) =>
        Assert.Equal(["q"], Fields(new ProductFilterValidator().Validate(new ProductFilter(Search: MalformedTexts[malformed]))));

    [Fact]
    public void Paired_surrogates_are_ordinary_text()
    {
        Assert.True(new CategoryBodyValidator().Validate((new CategoryBody("\ud83d\ude00 Smile", null, null))).IsValid);
        Assert.True(new ProductBodyValidator().Validate((new ProductBody("P", null, "\ud83d\ude00", 1m, null, 1, 1))).IsValid);
        Assert.True(new ProductFilterValidator().Validate(new ProductFilter(Search: "\ud83d\ude00")).IsValid);
    }

    [Theory]
    [InlineData("\u200b")]
    [InlineData("\u00a0\u2003")]
    [InlineData("\ufeff \u200d")]
    [InlineData("\u00ad")]
    public void A_name_with_nothing_visible_is_missing(string name)
    {
        var result = new CategoryBodyValidator().Validate((new CategoryBody(name, null, null)));

        Assert.Equal(["Name"], Fields(result));
        Assert.Contains("A name is required.", result.Errors.Select(error => error.ErrorMessage));
    }

    [Theory]
    [InlineData("!!!")]
    [InlineData("\ud83d\ude00")]
    [InlineData("\u200bPhones")]
    public void A_name_with_something_visible_is_a_name(string name) =>
        Assert.True(new ProductBodyValidator().Validate((new ProductBody(name, null, null, 1m, null, 1, 1))).IsValid);
}
