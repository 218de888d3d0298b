using Ecommerce.Application.Common.Validation;

namespace Ecommerce.Application.Products;

/// <summary>What narrows a product list; a null field does not narrow it. A new filter is a new field here, with its rule below.</summary>
/// <param name="CategorySlug">Products of this category and of all its descendants.</param>
/// <param name="Search">The search (<c>q</c>): every word in the name or description, in any form, a typo or a prefix away (docs/search.md).</param>
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

/// <summary>The filter's rules, each reported under the query parameter's name.</summary>
internal sealed class ProductFilterValidator : AbstractValidator<ProductFilter>
{
    public ProductFilterValidator()
    {
        RuleFor(filter => filter.Search).MaximumLength(ListProductsQuery.MaxSearchLength)
            .WithMessage(ListProductsQuery.SearchLengthMessage)
            .NoControlCharacters()
            .OverridePropertyName("q");
        RuleFor(filter => filter.MinPrice).Must(BeAPrice)
            .WithMessage(ListProductsQuery.PriceMessage("minPrice")).OverridePropertyName("minPrice");
        RuleFor(filter => filter.MaxPrice).Must(BeAPrice)
            .WithMessage(ListProductsQuery.PriceMessage("maxPrice")).OverridePropertyName("maxPrice");
        RuleFor(filter => filter)
            .Must(filter => filter.MinPrice is not { } min || filter.MaxPrice is not { } max || min <= max)
            .WithMessage(ListProductsQuery.PriceRangeMessage).OverridePropertyName("maxPrice");
    }

    private static bool BeAPrice(decimal? price) => price is null or (>= 0 and <= Product.MaxPrice);
}
