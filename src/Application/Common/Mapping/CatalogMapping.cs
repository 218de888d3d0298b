using Ecommerce.Application.Categories;
using Ecommerce.Application.Products;
using Mapster;

namespace Ecommerce.Application.Common.Mapping;

/// <summary>
/// Every mapping between the catalog's shapes, in one configuration: bodies to domain values, and
/// entities to DTOs (in memory after a write, and as EF Core projections for the list queries).
/// Members map by name. Every pair must be declared here and every destination member must have
/// a source, so a field added to one side only fails <c>TypeAdapterConfig.Compile()</c> (a
/// test compiles it) instead of going silently missing.
/// </summary>
public static class CatalogMapping
{
    public static TypeAdapterConfig Config { get; } = Create();

    public static ProductDto ToDto(this Product product) => product.Adapt<ProductDto>(Config);

    public static CategoryDto ToDto(this Category category) => category.Adapt<CategoryDto>(Config);

    /// <summary>Only for a body that passed its validator, which guarantees the required fields.</summary>
    public static ProductDetails ToDetails(this ProductBody body) => body.Adapt<ProductDetails>(Config);

    private static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig
        {
            RequireExplicitMapping = true,
            RequireDestinationMemberSource = true,
        };
        config.NewConfig<ProductBody, ProductDetails>();
        config.NewConfig<Product, ProductDto>();
        config.NewConfig<Category, CategoryDto>();
        return config;
    }
}
