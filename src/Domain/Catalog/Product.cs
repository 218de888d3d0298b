using Ecommerce.Domain.Common;

namespace Ecommerce.Domain.Catalog;

/// <summary>A sellable item in one category. Products are never removed, only deactivated.</summary>
public sealed class Product
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 4000;
    public const int MaxImageUrlLength = 2048;
    public const decimal MaxPrice = 99_999_999.99m;
    public const int PriceScale = 2;
    public const decimal MaxRating = 5m;

    private Product(string name, string slug)
    {
        Name = name;
        Slug = slug;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public string Slug { get; private set; }

    public string? Description { get; private set; }

    public decimal Price { get; private set; }

    public string? ImageUrl { get; private set; }

    public int Stock { get; private set; }

    public int CategoryId { get; private set; }

    /// <summary>Average customer rating; read-only in the catalog, starts at zero.</summary>
    public decimal Rating { get; private set; }

    public bool IsActive { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>Changes on every write; backs the ETag and optimistic concurrency.</summary>
    public uint Version { get; private set; }

    public static bool IsValidPrice(decimal price) =>
        price is >= 0 and <= MaxPrice && decimal.Round(price, PriceScale) == price;

    public static bool IsValidImageUrl(string? url) =>
        url is { Length: > 0 and <= MaxImageUrlLength }
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    public static Product Create(ProductDetails details, Slug slug, DateTime now)
    {
        var revision = Revise(details, slug, now);
        var product = new Product(revision.Details.Name, slug.Value) { IsActive = true, CreatedAt = revision.UpdatedAt };
        product.Apply(revision);
        return product;
    }

    public void Update(ProductDetails details, Slug slug, DateTime now) => Apply(Revise(details, slug, now));

    /// <summary>
    /// The change <see cref="Update"/> would make, checked by the same rules, without a loaded
    /// product; a null <paramref name="slug"/> keeps the product's own.
    /// </summary>
    public static ProductRevision Revise(ProductDetails details, Slug? slug, DateTime now)
    {
        if (!IsValidPrice(details.Price))
        {
            throw new DomainRuleException($"Price must be between 0 and {MaxPrice} with at most {PriceScale} decimals.");
        }

        if (details.Stock < 0)
        {
            throw new DomainRuleException("Stock cannot be negative.");
        }

        var imageUrl = Guard.OptionalText(details.ImageUrl, MaxImageUrlLength, "Image URL");
        if (imageUrl is not null && !IsValidImageUrl(imageUrl))
        {
            throw new DomainRuleException("Image URL must be an absolute http or https URL.");
        }

        var name = Guard.RequiredText(details.Name, MaxNameLength, "Name");
        var description = Guard.OptionalText(details.Description, MaxDescriptionLength, "Description");
        var updatedAt = Guard.Utc(now, nameof(now));
        return new ProductRevision(details with { Name = name, Description = description, ImageUrl = imageUrl }, slug, updatedAt);
    }

    public void Deactivate(DateTime now)
    {
        IsActive = false;
        UpdatedAt = Guard.Utc(now, nameof(now));
    }

    // Every check ran in Revise, before the first assignment, so a refused change leaves the product as it was.
    private void Apply(ProductRevision revision)
    {
        Name = revision.Details.Name;
        Description = revision.Details.Description;
        Price = revision.Details.Price;
        ImageUrl = revision.Details.ImageUrl;
        Stock = revision.Details.Stock;
        CategoryId = revision.Details.CategoryId;
        Slug = revision.Slug?.Value ?? Slug;
        UpdatedAt = revision.UpdatedAt;
    }
}
