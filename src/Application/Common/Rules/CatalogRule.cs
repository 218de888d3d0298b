namespace Ecommerce.Application.Common.Rules;

/// <summary>
/// The rules of the category tree that hold under concurrency because the database enforces them
/// (docs/catalog-api.md); a handler checks them first for a precise answer, and the database refuses
/// a write that a concurrent request made break them.
/// </summary>
public enum CatalogRule
{
    /// <summary>An active category's parent is an active category.</summary>
    ParentIsActive,

    /// <summary>A category is never its own ancestor.</summary>
    TreeHasNoCycle,

    /// <summary>A category with active subcategories stays active.</summary>
    NoActiveSubcategoriesUnderInactive,

    /// <summary>A category with active products stays active.</summary>
    NoActiveProductsUnderInactive,

    /// <summary>An active product's category is an active category.</summary>
    ProductCategoryIsActive,
}
