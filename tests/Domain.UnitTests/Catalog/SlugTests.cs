namespace Ecommerce.Domain.UnitTests.Catalog;

public sealed class SlugTests
{
    [Theory]
    [InlineData("phones")]
    [InlineData("phone-x")]
    [InlineData("a")]
    [InlineData("4k-tv-55")]
    public void Lowercase_words_joined_by_single_hyphens_are_valid(string value) => Assert.True(Slug.IsValid(value));

    [Theory]
    [InlineData("")]
    [InlineData("Phones")]
    [InlineData("-phones")]
    [InlineData("phones-")]
    [InlineData("phone--x")]
    [InlineData("phone x")]
    [InlineData("phone_x")]
    [InlineData("смартфоны")]
    [InlineData("café")]
    [InlineData(null)]
    [InlineData("phone\n")]
    [InlineData("\nphone")]
    [InlineData("phone\r\n")]
    [InlineData("phone\nx")]
    public void Anything_else_is_invalid(string? value) => Assert.False(Slug.IsValid(value));

    [Fact]
    public void A_slug_is_at_most_120_characters()
    {
        Assert.True(Slug.IsValid(new string('a', 120)));
        Assert.False(Slug.IsValid(new string('a', 121)));
    }

    [Fact]
    public void A_trailing_newline_is_not_part_of_a_slug_even_at_full_length()
    {
        Assert.False(Slug.IsValid(new string('a', Slug.MaxLength - 1) + "\n"));
        Assert.Throws<DomainRuleException>(() => Slug.From("phone\n"));
    }

    [Fact]
    public void The_pattern_clients_see_is_the_contract_one() => Assert.Equal("^[a-z0-9]+(-[a-z0-9]+)*$", Slug.Pattern);

    [Fact]
    public void From_refuses_an_invalid_value() =>
        Assert.Throws<DomainRuleException>(() => Slug.From("Not a slug"));

    [Theory]
    [InlineData("Смартфоны", "smartfony")]
    [InlineData("Café & Bar", "cafe-bar")]
    [InlineData("Phone X", "phone-x")]
    [InlineData("  Spaced   out  ", "spaced-out")]
    [InlineData("Über Größe", "uber-grosse")]
    [InlineData("4K TV, 55\"", "4k-tv-55")]
    [InlineData("Ноутбуки и планшеты", "noutbuki-i-planshety")]
    public void FromName_transliterates_to_ascii_and_joins_words_with_hyphens(string name, string expected) =>
        Assert.Equal(expected, Slug.FromName(name).Value);

    [Theory]
    [InlineData("!!!")]
    [InlineData("   ")]
    [InlineData("---")]
    public void FromName_falls_back_when_nothing_is_left(string name) =>
        Assert.Equal(Slug.Fallback, Slug.FromName(name).Value);

    [Fact]
    public void FromName_cuts_long_names_to_the_maximum_without_a_trailing_hyphen()
    {
        var slug = Slug.FromName(string.Concat(Enumerable.Repeat("word ", 60)));

        Assert.True(slug.Value.Length <= Slug.MaxGeneratedLength);
        Assert.True(Slug.IsValid(slug.Value));
        Assert.StartsWith("word-word", slug.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    [InlineData(9_999_999)]
    public void A_slug_made_from_a_long_name_keeps_itself_whole_when_a_suffix_is_added(int number)
    {
        // A suffixed slug that cut its base would no longer look like base-N, and could not be found as taken.
        var generated = Slug.FromName(string.Join(' ', Enumerable.Repeat("word", 40)));

        var suffixed = generated.WithSuffix(number);

        Assert.StartsWith(generated.Value + "-", suffixed.Value, StringComparison.Ordinal);
        Assert.True(Slug.IsValid(suffixed.Value));
    }

    [Theory]
    [InlineData("电视机")]
    [InlineData("😀 Smile")]
    [InlineData("Ελληνικά")]
    public void FromName_always_gives_a_valid_slug(string name) => Assert.True(Slug.IsValid(Slug.FromName(name).Value));

    [Fact]
    public void WithSuffix_appends_the_number()
    {
        Assert.Equal("phone-2", Slug.From("phone").WithSuffix(2).Value);
        Assert.Equal("phone-10", Slug.From("phone").WithSuffix(10).Value);
    }

    [Fact]
    public void WithSuffix_shortens_the_base_so_the_result_still_fits()
    {
        var longest = Slug.From(new string('a', Slug.MaxLength));

        var suffixed = longest.WithSuffix(12);

        Assert.Equal(Slug.MaxLength, suffixed.Value.Length);
        Assert.EndsWith("-12", suffixed.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void WithSuffix_starts_at_two() =>
        Assert.Throws<DomainRuleException>(() => Slug.From("phone").WithSuffix(1));

    [Fact]
    public void Slugs_with_the_same_value_are_equal() => Assert.Equal(Slug.From("a-b"), Slug.FromName("A b"));
}
