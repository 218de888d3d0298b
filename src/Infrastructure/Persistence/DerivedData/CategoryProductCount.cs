namespace Ecommerce.Infrastructure.Persistence.DerivedData;

/// <summary>
/// A row of <c>category_product_counts</c>: derived data that triggers on <c>products</c> keep in
/// step (migrations AddCategoryProductCounts and RecountCategoryProductCounts own its schema). Mapped
/// so that model checks and queries see it; the service never writes it.
/// </summary>
public sealed class CategoryProductCount
{
    public int CategoryId { get; private set; }

    public int ActiveProducts { get; private set; }
}
