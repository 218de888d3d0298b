using Ecommerce.Application.Abstractions;
using Ecommerce.Application.Common.Results;

namespace Ecommerce.Application.Products;

internal static class ProductCategoryRule
{
    public static async Task<Error?> CheckAsync(ICategoryRepository categories, int categoryId, CancellationToken cancellationToken) =>
        await categories.IsActiveAsync(categoryId, cancellationToken)
            ? null
            : Error.Validation("categoryId", $"No active category has the id {categoryId}.");
}
