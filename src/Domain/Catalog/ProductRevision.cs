namespace Ecommerce.Domain.Catalog;

/// <summary>
/// A replacement of a product's details that passed the product's rules (<see cref="Product.Revise"/>):
/// what <see cref="Product.Update"/> assigns, for a store that applies it to the stored row in place.
/// </summary>
public sealed record ProductRevision
{
    internal ProductRevision(ProductDetails details, Slug? slug, DateTime updatedAt)
    {
        Details = details;
        Slug = slug;
        UpdatedAt = updatedAt;
    }

    /// <summary>The details as stored: text trimmed, blank optional text as null.</summary>
    public ProductDetails Details { get; }

    /// <summary>The new slug, or null to keep the product's own.</summary>
    public Slug? Slug { get; }

    public DateTime UpdatedAt { get; }
}
