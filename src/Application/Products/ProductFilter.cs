namespace Ecommerce.Application.Products;

/// <summary>What narrows a product list; a null field does not narrow it. A new filter is a new field here.</summary>
/// <param name="CategorySlug">Products of this category and of all its descendants.</param>
/// <param name="Search">A case-insensitive literal substring of the name.</param>
public sealed record ProductFilter(
    string? CategorySlug = null,
    string? Search = null,
    decimal? MinPrice = null,
    decimal? MaxPrice = null,
    bool? InStock = null)
{
    public static ProductFilter None { get; } = new();

    /// <summary>
    /// Nothing but the category narrows the list, so the per-category counters give its total.
    /// Decided by value equality, so that a field added to this record counts without a word here.
    /// </summary>
    public bool IsCategoryOnly => this with { CategorySlug = null } == None;
}
