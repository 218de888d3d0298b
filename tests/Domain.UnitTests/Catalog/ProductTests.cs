namespace Ecommerce.Domain.UnitTests.Catalog;

public sealed class ProductTests
{
    private static readonly DateTime Created = new(2026, 11, 23, 20, 36, 12, DateTimeKind.Utc);
    private static readonly DateTime Later = Created.AddHours(1);

    private static ProductDetails Details(
        string name = "Phone X",
        string? description = "A phone",
        decimal price = 999.90m,
        string? imageUrl = "https://cdn.example.com/x.png",
        int stock = 5,
        int categoryId = 1) => new(name, description, price, imageUrl, stock, categoryId);

    [Fact]
    public void Create_takes_the_details_starts_active_with_a_zero_rating()
    {
        var product = Product.Create(Details(name: " Phone X "), Slug.From("phone-x"), Created);

        Assert.Equal("Phone X", product.Name);
        Assert.Equal("phone-x", product.Slug);
        Assert.Equal("A phone", product.Description);
        Assert.Equal(999.90m, product.Price);
        Assert.Equal("https://cdn.example.com/x.png", product.ImageUrl);
        Assert.Equal(5, product.Stock);
        Assert.Equal(1, product.CategoryId);
        Assert.Equal(0m, product.Rating);
        Assert.True(product.IsActive);
        Assert.Equal(Created, product.CreatedAt);
        Assert.Equal(Created, product.UpdatedAt);
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("1.50", true)]
    [InlineData("99999999.99", true)]
    [InlineData("100000000", false)]
    [InlineData("-0.01", false)]
    [InlineData("1.005", false)]
    public void Prices_are_non_negative_bounded_and_have_two_decimals_at_most(string price, bool valid)
    {
        var value = decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(valid, Product.IsValidPrice(value));
        if (!valid)
        {
            Assert.Throws<DomainRuleException>(() => Product.Create(Details(price: value), Slug.From("p"), Created));
        }
    }

    [Fact]
    public void Stock_cannot_be_negative()
    {
        Assert.Equal(0, Product.Create(Details(stock: 0), Slug.From("p"), Created).Stock);
        Assert.Throws<DomainRuleException>(() => Product.Create(Details(stock: -1), Slug.From("p"), Created));
    }

    [Theory]
    [InlineData("https://cdn.example.com/x.png", true)]
    [InlineData("http://example.com/a?b=c", true)]
    [InlineData("ftp://example.com/x.png", false)]
    [InlineData("/relative/x.png", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("not a url", false)]
    public void Image_urls_are_absolute_http_or_https(string url, bool valid)
    {
        Assert.Equal(valid, Product.IsValidImageUrl(url));
        if (!valid)
        {
            Assert.Throws<DomainRuleException>(() => Product.Create(Details(imageUrl: url), Slug.From("p"), Created));
        }
    }

    [Fact]
    public void Image_urls_are_at_most_2048_characters()
    {
        var prefix = "https://example.com/";
        Assert.True(Product.IsValidImageUrl(prefix + new string('a', Product.MaxImageUrlLength - prefix.Length)));
        Assert.False(Product.IsValidImageUrl(prefix + new string('a', Product.MaxImageUrlLength - prefix.Length + 1)));
    }

    [Fact]
    public void Blank_optional_texts_become_null()
    {
        var product = Product.Create(Details(description: "  ", imageUrl: " "), Slug.From("p"), Created);

        Assert.Null(product.Description);
        Assert.Null(product.ImageUrl);
    }

    [Fact]
    public void Descriptions_are_at_most_4000_characters()
    {
        Assert.Equal(4000, Product.Create(Details(description: new string('d', 4000)), Slug.From("p"), Created).Description!.Length);
        Assert.Throws<DomainRuleException>(() => Product.Create(Details(description: new string('d', 4001)), Slug.From("p"), Created));
    }

    [Fact]
    public void Names_are_required_and_at_most_200_characters()
    {
        Assert.Equal(200, Product.Create(Details(name: new string('n', 200)), Slug.From("p"), Created).Name.Length);
        Assert.Throws<DomainRuleException>(() => Product.Create(Details(name: new string('n', 201)), Slug.From("p"), Created));
        Assert.Throws<DomainRuleException>(() => Product.Create(Details(name: " "), Slug.From("p"), Created));
    }

    [Fact]
    public void Update_changes_the_details_and_the_update_time_only()
    {
        var product = Product.Create(Details(), Slug.From("phone-x"), Created);

        product.Update(Details(name: "Phone Y", price: 10m, stock: 0, categoryId: 2), Slug.From("phone-y"), Later);

        Assert.Equal("Phone Y", product.Name);
        Assert.Equal("phone-y", product.Slug);
        Assert.Equal(10m, product.Price);
        Assert.Equal(2, product.CategoryId);
        Assert.Equal(Created, product.CreatedAt);
        Assert.Equal(Later, product.UpdatedAt);
    }

    [Fact]
    public void A_refused_update_changes_nothing()
    {
        var product = Product.Create(Details(), Slug.From("phone-x"), Created);

        Assert.Throws<DomainRuleException>(() => product.Update(Details(name: "Renamed", price: -1m), Slug.From("renamed"), Later));

        Assert.Equal("Phone X", product.Name);
        Assert.Equal(Created, product.UpdatedAt);
    }

    [Fact]
    public void An_update_refused_late_in_the_checks_changes_nothing_either()
    {
        var product = Product.Create(Details(), Slug.From("phone-x"), Created);

        Assert.Throws<DomainRuleException>(() =>
            product.Update(Details(name: "Renamed", description: new string('d', 4001)), Slug.From("renamed"), Later));

        Assert.Equal("Phone X", product.Name);
        Assert.Equal("phone-x", product.Slug);
    }

    [Fact]
    public void A_revision_is_what_update_would_store_and_a_null_slug_keeps_the_products_own()
    {
        var details = Details(name: " Phone Y ", description: "  ", imageUrl: " https://cdn.example.com/y.png ", price: 10m);
        var product = Product.Create(Details(), Slug.From("phone-x"), Created);

        var revision = Product.Revise(details, null, Later);
        product.Update(details, Slug.From("phone-x"), Later);

        Assert.Equal(new ProductDetails("Phone Y", null, 10m, "https://cdn.example.com/y.png", 5, 1), revision.Details);
        Assert.Null(revision.Slug);
        Assert.Equal(Later, revision.UpdatedAt);
        Assert.Equal(
            (revision.Details.Name, revision.Details.Description, revision.Details.ImageUrl),
            (product.Name, product.Description, product.ImageUrl));
    }

    [Fact]
    public void A_revision_is_refused_by_the_rules_that_refuse_an_update()
    {
        Assert.Throws<DomainRuleException>(() => Product.Revise(Details(price: -1m), null, Later));
        Assert.Throws<DomainRuleException>(() => Product.Revise(Details(name: " "), null, Later));
        Assert.Throws<DomainRuleException>(() => Product.Revise(Details(imageUrl: "ftp://x/y.png"), null, Later));
        Assert.Throws<DomainRuleException>(() => Product.Revise(Details(), null, DateTime.SpecifyKind(Later, DateTimeKind.Local)));
    }

    [Fact]
    public void Deactivate_keeps_the_row_and_marks_it_inactive()
    {
        var product = Product.Create(Details(), Slug.From("phone-x"), Created);

        product.Deactivate(Later);

        Assert.False(product.IsActive);
        Assert.Equal(Later, product.UpdatedAt);
    }
}
