namespace Ecommerce.Application.Common.Rules;

/// <summary>How a broken <see cref="CatalogRule"/> is reported, whether a handler or the database found it.</summary>
public static class CatalogRuleErrors
{
    public static Error For(CatalogRule rule) => rule switch
    {
        CatalogRule.ParentIsActive => Error.Validation("parentId", "parentId must name an active category."),
        CatalogRule.TreeHasNoCycle => Error.Validation("parentId", "A category cannot be moved under itself or one of its descendants."),
        CatalogRule.NoActiveSubcategoriesUnderInactive => Error.Conflict(
            "Category.HasSubcategories", "The category still has active subcategories; delete or move them first."),
        CatalogRule.NoActiveProductsUnderInactive => Error.Conflict(
            "Category.HasProducts", "The category still has active products; delete or move them first."),
        CatalogRule.ProductCategoryIsActive => Error.Validation("categoryId", "categoryId must name an active category."),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Every catalog rule has an error."),
    };
}
