using Ecommerce.Application.Common.Mapping;
using Mapster;

namespace Ecommerce.Application.UnitTests.Common;

public sealed class CatalogMappingTests
{
    [Fact]
    public void Every_declared_mapping_compiles_in_memory_and_as_a_projection()
    {
        CatalogMapping.Config.Compile();
        CatalogMapping.Config.CompileProjection();
    }

    [Fact]
    public void A_destination_field_without_a_source_fails_the_compile()
    {
        var config = CatalogMapping.Config.Clone();
        config.NewConfig<Product, ProductDtoWithBrand>();

        Assert.ThrowsAny<Exception>(() => config.Compile());
    }

    [Fact]
    public void A_pair_that_is_not_declared_is_refused_rather_than_mapped_by_guess() =>
        Assert.ThrowsAny<Exception>(() => new ProductBody("P", null, null, 1m, null, 1, 1).Adapt<ProductDto>(CatalogMapping.Config));

    [Fact]
    public void A_body_becomes_the_domain_details_field_by_field()
    {
        var details = new ProductBody("Phone", "phone", "Nice", 12.50m, "https://x.example/p.png", 3, 7).ToDetails();

        Assert.Equal(new ProductDetails("Phone", "Nice", 12.50m, "https://x.example/p.png", 3, 7), details);
    }

    [Fact]
    public void A_product_becomes_its_dto_with_its_version()
    {
        var product = Entities.Product(42, categoryId: 7, name: "Phone", version: 9);
        var created = TestClock.Now.AddDays(-1);

        var dto = product.ToDto();

        Assert.Equal(new ProductDto(42, "Phone", "phone", null, 10m, null, 1, 7, 0m, true, created, created) { Version = 9 }, dto);
        Assert.Equal(9u, dto.Version);
    }

    public sealed record ProductDtoWithBrand(int Id, string Name, string Brand);
}
