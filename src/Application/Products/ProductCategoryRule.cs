using Ecommerce.Application.Common.Rules;

namespace Ecommerce.Application.Products;

internal static class ProductCategoryRule
{
    public static async Task<Error?> CheckAsync(ICategoryRepository categories, int categoryId, CancellationToken cancellationToken) =>
        await categories.IsActiveAsync(categoryId, cancellationToken)
            ? null
            : CatalogRuleErrors.For(CatalogRule.ProductCategoryIsActive);
}
